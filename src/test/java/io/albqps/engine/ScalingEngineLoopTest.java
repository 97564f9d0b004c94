package io.albqps.engine;

import static io.albqps.engine.Obs.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several evaluations in a row: what a single decision cannot show (oscillation, history). */
class ScalingEngineLoopTest {

  @Test
  void doesNotOscillateWhenPerInstanceLoadHalvesAfterAScaleUp() {
    // Ray #18925: a per-replica signal halves after 2 -> 4 and reads as "scale down". The ALB's
    // total QPS does not change with the instance count, so the proportional rule stays put.
    Cluster cluster = new Cluster(ScalingEngine.ours(Policy.defaults()), 1, 20, 2);

    List<Integer> sizes = cluster.run(t -> 200, Duration.ofMinutes(1), 30);

    assertThat(sizes).containsOnly(4);
    assertThat(cluster.actionIndexes()).containsExactly(0);
    assertThat(cluster.decisions().get(0).qpsPerInstance()).hasValue(100);
    assertThat(cluster.decisions().get(1).qpsPerInstance()).hasValue(50);
  }

  @Test
  void scalesDownOnlyAfterTheDownscaleWindowHasSeenTheLowerLoad() {
    Policy policy = Obs.immediate().downscaleDelay(Duration.ofSeconds(600)).build(); // no cooldowns
    Cluster cluster = new Cluster(ScalingEngine.ours(policy), 1, 20, 10);

    List<Integer> sizes = cluster.run(t -> t < 300 ? 500 : 100, Duration.ofMinutes(1), 20);

    // The load drops at t = 300 s; the window [now - 600, now] is all low from t = 300 + 600.
    assertThat(cluster.actionIndexes()).containsExactly(15);
    assertThat(sizes.get(14)).isEqualTo(10);
    assertThat(sizes.get(15)).isEqualTo(2);
  }

  @Test
  void historyKeepsTheLongestWindowPlusOneAnchorEntry() {
    Policy policy = Obs.immediate().downscaleDelay(Duration.ofSeconds(600)).build();
    ScalerState state = Obs.history(900, 9, 700, 8, 620, 7, 300, 6);

    Decision decision = ScalingEngine.decide(policy, Obs.qps(100).desired(2).build(), state, NOW);

    List<Instant> kept =
        decision.nextState().recommendations().stream().map(Recommendation::at).toList();
    assertThat(kept).containsExactly(NOW.minusSeconds(620), NOW.minusSeconds(300), NOW);
  }

  @Test
  void historyIsOnlyTheCurrentEntryWithoutWindows() {
    Decision decision =
        ScalingEngine.decide(
            Obs.immediate().build(),
            Obs.qps(100).desired(2).build(),
            Obs.history(600, 3, 60, 2),
            NOW);

    assertThat(decision.nextState().recommendations())
        .extracting(Recommendation::at)
        .containsExactly(NOW);
  }

  @Test
  void decisionNeverRecordsACooldown() {
    ScalerState state = ScalerState.INITIAL;

    Decision decision =
        ScalingEngine.decide(Policy.defaults(), Obs.qps(500).desired(2).build(), state, NOW);

    assertThat(decision.action()).isEqualTo(Action.SCALE_UP);
    assertThat(decision.nextState().lastScalingAction()).isEmpty();
    assertThat(decision.nextState().lastGeneralAction()).isEmpty();
  }
}
