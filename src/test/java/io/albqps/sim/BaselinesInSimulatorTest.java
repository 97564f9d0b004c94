package io.albqps.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.engine.Policy;
import io.albqps.traffic.Scenarios;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The baselines keep their documented timing inside the simulator, on the built-in step (100 → 600
 * QPS at 600 s, back to 100 at 2400 s) and spike (150 → 900 QPS at 1200 s for 5 minutes). Points
 * are published as their minute ends (no extra lag) and the function runs every 15 s, so a change
 * of load is first seen one minute after it happens; the times below count from then.
 */
class BaselinesInSimulatorTest {

  static Stream<Arguments> timings() {
    return Stream.of(
        // name, scenario, direction, seen at, earliest, latest
        Arguments.of("hpa scales up at once", "hpa", "step", 1, 660, 660, 660),
        Arguments.of(
            "hpa scales down once its last high recommendation leaves the 300 s window",
            "hpa",
            "step",
            -1,
            2460,
            2745,
            2760),
        Arguments.of("hpa scales up at once on a spike", "hpa", "spike", 1, 1260, 1260, 1260),
        Arguments.of("ray waits its 30 s upscale delay", "ray", "step", 1, 660, 690, 705),
        Arguments.of("ray waits its 600 s downscale delay", "ray", "step", -1, 2460, 3060, 3075),
        Arguments.of("ray keeps a spike's capacity 600 s", "ray", "spike", -1, 1560, 2160, 2175),
        Arguments.of("aws scales out at once", "aws-target-tracking", "step", 1, 660, 660, 660),
        Arguments.of(
            "aws scales in after 15 low minutes",
            "aws-target-tracking",
            "step",
            -1,
            2460,
            3360,
            3375),
        Arguments.of(
            "aws keeps a spike's capacity 15 minutes",
            "aws-target-tracking",
            "spike",
            -1,
            1560,
            2460,
            2475));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timings")
  void baselineKeepsItsDocumentedTiming(
      String title,
      String baseline,
      String scenario,
      int direction,
      long seenAt,
      long earliest,
      long latest) {
    ClusterModel model =
        ClusterModel.builder(50)
            .evalInterval(Duration.ofSeconds(15))
            .ingestionLag(Duration.ZERO)
            .bootSpread(Duration.ZERO)
            .build();
    SimulationResult result =
        Simulation.builder()
            .load(Scenarios.byName(scenario, 25), scenario)
            .cluster(model)
            .policy(
                baseline, Policies.factory(baseline, Policy.defaults(), Duration.ofSeconds(300)))
            .build()
            .run(ProgressListener.NONE);

    long first =
        result.run(baseline).events().stream()
            .filter(e -> e.second() >= seenAt && Integer.signum(e.to() - e.from()) == direction)
            .mapToLong(ScalingEvent::second)
            .findFirst()
            .orElse(-1);
    assertThat(first).as(result.run(baseline).events().toString()).isBetween(earliest, latest);
  }
}
