package io.albqps.engine;

import static io.albqps.engine.Obs.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AWS target-tracking baseline: out at once, in only after 15 low minutes. */
class AwsTargetTrackingBaselineTest {
  private static final Autoscaler AWS = Baselines.awsTargetTracking(50);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void scalesOutProportionallyAtOnce() {
    Decision decision = AWS.decide(Obs.qps(500).desired(2).build(), ScalerState.INITIAL, NOW);

    assertThat(decision.action()).isEqualTo(Action.SCALE_UP);
    assertThat(decision.newDesired()).isEqualTo(10);
  }

  @Test
  void stepDownScalesInAfterFifteenLowMinutesKeepingTheMetricBelowTarget() {
    Cluster cluster = new Cluster(AWS, 1, 50, 10);

    List<Integer> sizes = cluster.run(t -> t < 300 ? 500 : 200, MINUTE, 40);

    // Low (200 <= 0.9 x 50 x 10) from t = 5 min; 15 minutes later, down to floor(200/50) + 1.
    assertThat(cluster.actionIndexes()).containsExactly(20);
    assertThat(sizes.get(19)).isEqualTo(10);
    assertThat(sizes.get(20)).isEqualTo(5);
  }

  @Test
  void aFourteenMinuteDipNeverScalesIn() {
    Cluster cluster = new Cluster(AWS, 1, 50, 10);

    cluster.run(t -> t >= 300 && t < 300 + 14 * 60 ? 200 : 500, MINUTE, 40);

    assertThat(cluster.actionIndexes()).isEmpty();
  }

  @Test
  void spikeScalesOutAtOnceAndBackInAfterFifteenMinutes() {
    Cluster cluster = new Cluster(AWS, 1, 50, 2);

    List<Integer> sizes = cluster.run(t -> t == 120 ? 1000 : 100, MINUTE, 25);

    assertThat(sizes.get(2)).isEqualTo(20);
    assertThat(cluster.actionIndexes()).containsExactly(2, 18);
    assertThat(sizes.get(18)).isEqualTo(3);
  }

  @Test
  void warmingInstancesBlockScaleIn() {
    ScalerState lowFor16Minutes = Obs.history(960, 3);
    Observation obs =
        Obs.qps(50)
            .desired(3)
            .instances(
                Obs.serving("i-a", Duration.ofHours(1)),
                Obs.serving("i-b", Duration.ofHours(1)),
                Obs.serving("i-c", Duration.ofSeconds(60)))
            .build();

    Decision decision = AWS.decide(obs, lowFor16Minutes, NOW);

    assertThat(decision.reason()).isEqualTo(Reason.INSTANCES_WARMING_UP);
  }

  @Test
  void insufficientDataResetsTheScaleInRun() {
    Decision decision = AWS.decide(Obs.noData().desired(3).build(), Obs.history(960, 3), NOW);

    assertThat(decision.action()).isEqualTo(Action.NONE);
    assertThat(decision.nextState().recommendations()).isEmpty();
  }
}
