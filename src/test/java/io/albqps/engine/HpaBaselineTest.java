package io.albqps.engine;

import static io.albqps.engine.Obs.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The HPA baseline reproduces Kubernetes' defaults on a step and a spike. */
class HpaBaselineTest {
  private static final Autoscaler HPA = Baselines.hpa(50);
  private static final Duration SYNC = Duration.ofSeconds(15);

  static Stream<Arguments> single() {
    return Stream.of(
        Arguments.of("8% over target is inside the 0.1 tolerance", Obs.qps(540).desired(10), 10),
        Arguments.of("a jump from 2 is capped at current + 4", Obs.qps(1000).desired(2), 6),
        Arguments.of("a jump from 10 is capped at twice current", Obs.qps(5000).desired(10), 20),
        Arguments.of("the newest point is the metric value", Obs.series(50, 50, 400).desired(2), 6),
        Arguments.of("no data never scales", Obs.noData().desired(10), 10));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("single")
  void decidesOnce(String sentence, Obs obs, int newDesired) {
    Decision decision = HPA.decide(obs.build(), ScalerState.INITIAL, NOW);

    assertThat(decision.newDesired()).isEqualTo(newDesired);
  }

  @Test
  void stepDownFollowsTheMaximumOfTheLast300Seconds() {
    Cluster cluster = new Cluster(HPA, 1, 50, 10);

    List<Integer> sizes = cluster.run(t -> t < 300 ? 500 : 100, SYNC, 60);

    // The last high recommendation is at t = 285 s; it leaves the window (now - 300, now] at 585.
    assertThat(cluster.actionIndexes()).containsExactly(39);
    assertThat(sizes.get(38)).isEqualTo(10);
    assertThat(sizes.get(39)).isEqualTo(2);
  }

  @Test
  void spikeScalesUpAtTheCappedRateAndHoldsFor300Seconds() {
    Cluster cluster = new Cluster(HPA, 1, 50, 2);

    List<Integer> sizes = cluster.run(t -> t == 60 ? 1000 : 100, SYNC, 30);

    assertThat(sizes.subList(0, 4)).containsOnly(2);
    assertThat(sizes.subList(4, 24)).containsOnly(6);
    assertThat(sizes.get(24)).isEqualTo(2);
    assertThat(cluster.decisions().get(4).reason())
        .isEqualTo(Reason.DYNAMIC_SCALING_LIMITED_SCALE_UP);
  }

  @Test
  void stepUpDoublesOrAddsFourPerSync() {
    Cluster cluster = new Cluster(HPA, 1, 100, 2);

    List<Integer> sizes = cluster.run(t -> 2000, SYNC, 4);

    assertThat(sizes).containsExactly(6, 12, 24, 40);
  }
}
