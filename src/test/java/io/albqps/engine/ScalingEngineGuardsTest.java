package io.albqps.engine;

import static io.albqps.engine.Obs.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Steps 1 and 2: the group and data guards that stop every evaluation before it can act. */
class ScalingEngineGuardsTest {
  private static final Policy POLICY = Obs.immediate().build();

  static Stream<Arguments> holds() {
    return Stream.of(
        Arguments.of(
            "a Locked group is mid-activity",
            Obs.qps(500).desired(2).lifecycle(GroupSnapshot.LOCKED),
            Reason.SCALING_IN_PROGRESS),
        Arguments.of(
            "a group in any other lifecycle state than Active is left alone",
            Obs.qps(500).desired(2).lifecycle("Inactive"),
            Reason.GROUP_NOT_ACTIVE),
        Arguments.of(
            "a running scaling activity blocks a new one",
            Obs.qps(500).desired(2).activityInProgress(),
            Reason.SCALING_IN_PROGRESS),
        Arguments.of(
            "a group without the desired-number feature (-1) cannot be sized",
            Obs.qps(500).desired(-1).total(2),
            Reason.DESIRED_CAPACITY_DISABLED),
        Arguments.of(
            "no points at all is no data, never zero load",
            Obs.noData().desired(5),
            Reason.METRICS_UNAVAILABLE),
        Arguments.of(
            "a newest point older than the staleness limit is no data",
            Obs.qps(0).desired(5).newestAge(Duration.ofMinutes(12)),
            Reason.METRICS_UNAVAILABLE),
        Arguments.of(
            "2 of 5 points showing low load cannot scale down (KEDA #3065)",
            Obs.qps(10).points(2).desired(5),
            Reason.METRICS_PARTIAL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("holds")
  void holdsWithReason(String sentence, Obs obs, Reason reason) {
    Decision decision = ScalingEngine.decide(POLICY, obs.build(), ScalerState.INITIAL, NOW);

    assertThat(decision.action()).isEqualTo(Action.NONE);
    assertThat(decision.reason()).isEqualTo(reason);
    assertThat(decision.newDesired()).isEqualTo(decision.currentDesired());
  }

  @Test
  void partialWindowStillAllowsAScaleUp() {
    Observation obs = Obs.qps(500).points(2).desired(2).build();

    Decision decision = ScalingEngine.decide(POLICY, obs, ScalerState.INITIAL, NOW);

    assertThat(decision.action()).isEqualTo(Action.SCALE_UP);
    assertThat(decision.newDesired()).isEqualTo(10);
  }

  @Test
  void pointWhosePeriodEndedExactlyAtTheStalenessLimitIsStillFresh() {
    Duration startAge = POLICY.metricStaleAfter().plus(Duration.ofMinutes(1));
    Observation obs = Obs.qps(500).desired(2).newestAge(startAge).build();

    Decision decision = ScalingEngine.decide(POLICY, obs, ScalerState.INITIAL, NOW);

    assertThat(decision.action()).isEqualTo(Action.SCALE_UP);
  }

  @Test
  void pointWhosePeriodEndedOneSecondPastTheStalenessLimitIsNoData() {
    Duration startAge = POLICY.metricStaleAfter().plus(Duration.ofSeconds(61));
    Observation obs = Obs.qps(500).desired(2).newestAge(startAge).build();

    Decision decision = ScalingEngine.decide(POLICY, obs, ScalerState.INITIAL, NOW);

    assertThat(decision.reason()).isEqualTo(Reason.METRICS_UNAVAILABLE);
  }

  /**
   * 60 s points published 60 s after their minute ends, read by four staggered copies: the newest
   * point starts 120 to 165 s before the evaluation, so its period ended 60 to 105 s before it.
   */
  @ParameterizedTest(name = "evaluation at :{0} sees a point that started {1} s ago: fresh")
  @MethodSource("staggeredOffsets")
  void defaultLimitFeedsEveryStaggeredCopyUnderAMinuteOfLag(int offset, int startAgeSeconds) {
    Duration staleAfter = Policy.defaultMetricStaleAfter(Duration.ofMinutes(1));
    Policy policy = Obs.immediate().metricStaleAfter(staleAfter).build();
    Observation obs =
        Obs.qps(500).desired(2).newestAge(Duration.ofSeconds(startAgeSeconds)).build();

    Decision decision = ScalingEngine.decide(policy, obs, ScalerState.INITIAL, NOW);

    assertThat(decision.action()).isEqualTo(Action.SCALE_UP);
  }

  static Stream<Arguments> staggeredOffsets() {
    return Stream.of(
        Arguments.of(0, 120), Arguments.of(15, 135), Arguments.of(30, 150), Arguments.of(45, 165));
  }

  @Test
  void defaultLimitIsOnePointIntervalPlusTwoMinutesOfLag() {
    assertThat(Policy.defaultMetricStaleAfter(Duration.ofSeconds(15)))
        .isEqualTo(Duration.ofSeconds(180));
    assertThat(Policy.defaultMetricStaleAfter(Duration.ofSeconds(60)))
        .isEqualTo(Duration.ofSeconds(180));
    assertThat(Policy.defaultMetricStaleAfter(Duration.ofSeconds(300)))
        .isEqualTo(Duration.ofSeconds(420));
  }

  @Test
  void guardsLeaveTheStateUntouched() {
    ScalerState state = Obs.history(60, 4);
    Observation obs = Obs.noData().desired(5).build();

    Decision decision = ScalingEngine.decide(POLICY, obs, state, NOW);

    assertThat(decision.nextState()).isEqualTo(state);
    assertThat(decision.qps()).isEmpty();
  }

  @Test
  void partialWindowRecordsNoRecommendationBelowCurrent() {
    Observation obs = Obs.qps(10).points(2).desired(5).build();

    Decision decision = ScalingEngine.decide(POLICY, obs, ScalerState.INITIAL, NOW);

    assertThat(decision.recommended()).isEqualTo(1);
    assertThat(decision.nextState().recommendations())
        .singleElement()
        .extracting(Recommendation::desired)
        .isEqualTo(5);
  }
}
