package io.albqps.engine;

import static io.albqps.engine.Obs.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Ray Serve baseline reproduces its 30 s / 600 s delays, cold start and floor of one. */
class RayServeBaselineTest {
  private static final Autoscaler RAY = Baselines.ray(50);
  private static final Duration TICK = Duration.ofSeconds(15);

  @Test
  void stepUpWaitsThirtySecondsOfConsecutiveUpDecisions() {
    Cluster cluster = new Cluster(RAY, 1, 50, 2);

    List<Integer> sizes = cluster.run(t -> t < 60 ? 100 : 500, TICK, 10);

    // Up decisions from t = 60 s; the delay is complete at t = 90 s.
    assertThat(cluster.actionIndexes()).containsExactly(6);
    assertThat(sizes.get(5)).isEqualTo(2);
    assertThat(sizes.get(6)).isEqualTo(10);
  }

  @Test
  void stepDownWaitsSixHundredSecondsOfConsecutiveDownDecisions() {
    Cluster cluster = new Cluster(RAY, 1, 50, 10);

    List<Integer> sizes = cluster.run(t -> t < 300 ? 500 : 100, TICK, 70);

    assertThat(cluster.actionIndexes()).containsExactly(60);
    assertThat(sizes.get(59)).isEqualTo(10);
    assertThat(sizes.get(60)).isEqualTo(2);
  }

  @Test
  void aSpikeResetsTheDownscaleCounter() {
    Cluster cluster = new Cluster(RAY, 1, 50, 10);

    cluster.run(t -> t == 300 ? 1000 : 100, TICK, 70);

    // Without the spike the scale-down fires at t = 600 s (index 40); the spike at t = 300 s
    // restarts the run at t = 315 s, so it fires at t = 915 s.
    assertThat(cluster.actionIndexes()).containsExactly(61);
  }

  @Test
  void coldStartStartsOneInstanceAtOnce() {
    Decision decision = RAY.decide(Obs.qps(500).desired(0).build(), ScalerState.INITIAL, NOW);

    assertThat(decision.action()).isEqualTo(Action.SCALE_UP);
    assertThat(decision.reason()).isEqualTo(Reason.COLD_START);
    assertThat(decision.newDesired()).isEqualTo(1);
  }

  @Test
  void scaleDownNeverGoesBelowOneUnlessAtOne() {
    Cluster cluster = new Cluster(RAY, 0, 50, 3);

    List<Integer> sizes = cluster.run(t -> 0, TICK, 82);

    assertThat(sizes.get(40)).isEqualTo(1);
    assertThat(sizes.get(80)).isEqualTo(1);
    assertThat(sizes.get(81)).isEqualTo(0);
    assertThat(cluster.actionIndexes()).containsExactly(40, 81);
  }

  @Test
  void missingDataResetsTheCounter() {
    ScalerState running = Obs.history(590, 2);

    Decision decision = RAY.decide(Obs.noData().desired(10).build(), running, NOW);

    assertThat(decision.reason()).isEqualTo(Reason.METRICS_UNAVAILABLE);
    assertThat(decision.nextState().recommendations()).isEmpty();
  }
}
