package io.albqps.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.config.ConfigException;
import io.albqps.config.Settings;
import io.albqps.traffic.Scenarios;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two fidelities agree: our policy called directly (engine mode) and the real function behind
 * the emulator (e2e mode) make the same decision at every evaluation, side by side on one model
 * cluster, on an hour of load.
 */
class EndToEndAgreementTest {

  /** Until the launched instances serve, as the simulator locks the group by default. */
  private static final long UNTIL_SERVING = -1;

  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of("spike, production, every 60 s", "spike", "production", 60, UNTIL_SERVING),
        Arguments.of("step, production, every 60 s", "step", "production", 60, UNTIL_SERVING),
        Arguments.of("spike, production, staggered 15 s", "spike", "production", 15, UNTIL_SERVING),
        Arguments.of("ramp, production, staggered 15 s", "ramp", "production", 15, UNTIL_SERVING),
        Arguments.of(
            "ray-load-test, production, every 60 s",
            "ray-load-test",
            "production",
            60,
            UNTIL_SERVING),
        Arguments.of("step, default settings, every 60 s", "step", "", 60, UNTIL_SERVING),
        Arguments.of("spike, legacy, every 60 s", "spike", "legacy", 60, UNTIL_SERVING),
        Arguments.of(
            "ramp, aggressive-upscale, every 60 s",
            "ramp",
            "aggressive-upscale",
            60,
            UNTIL_SERVING),
        Arguments.of(
            "ramp, production, staggered 15 s, 60 s group lock", "ramp", "production", 15, 60));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void e2eDecidesExactlyAsTheEngineAtEveryEvaluation(
      String name, String scenario, String preset, long intervalSeconds, long lockSeconds)
      throws ConfigException {
    Map<String, String> env = new HashMap<>();
    env.put("AUTOSCALING_GROUP_ID", "scg-simulated");
    env.put("ALB_ID", "alb-simulated");
    if (!preset.isEmpty()) {
      env.put("SCALING_PRESET", preset);
    }
    Settings settings = Settings.parse(env);
    ClusterModel.Builder model =
        ClusterModel.builder(settings.policy().targetQpsPerInstance())
            .cloudMonitorPeriod(settings.cloudMonitorPeriod())
            .evalInterval(Duration.ofSeconds(intervalSeconds));
    if (lockSeconds != UNTIL_SERVING) {
      model.activityLock(Duration.ofSeconds(lockSeconds));
    }
    ClusterModel cluster = model.build();
    List<String> engine = new ArrayList<>();
    List<String> e2e = new ArrayList<>();
    SimulationResult result;
    try (EndToEnd real =
        EndToEnd.of(settings.policy(), settings.metricPeriod(), settings.cloudMonitorPeriod())) {
      result =
          Simulation.builder()
              .load(Scenarios.byName(scenario, Scenarios.DEFAULT_USER_QPS), scenario)
              .cluster(cluster)
              .policy(
                  "engine",
                  recording(
                      Policies.factory("ours", settings.policy(), settings.metricPeriod()), engine))
              .policy("e2e", recording(real, e2e))
              .build()
              .run(ProgressListener.NONE);
    }

    assertThat(e2e).hasSize(engine.size()).containsExactlyElementsOf(engine);
    assertThat(result.run("engine").events()).isNotEmpty();
    assertThat(result.run("e2e").desired()).containsExactly(result.run("engine").desired());
  }

  /** Wraps a factory so that every evaluation is logged as "time new-desired reason". */
  private static SourceFactory recording(SourceFactory factory, List<String> log) {
    return (cluster, foresight) -> {
      DecisionSource source = factory.create(cluster, foresight);
      return new DecisionSource() {
        @Override
        public Duration interval() {
          return source.interval();
        }

        @Override
        public Evaluation evaluate(Instant now, CloudView cloud) {
          Evaluation evaluation = source.evaluate(now, cloud);
          log.add(now + " " + evaluation.newDesired() + " " + evaluation.reason().wireName());
          return evaluation;
        }
      };
    };
  }
}
