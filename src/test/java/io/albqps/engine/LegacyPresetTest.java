package io.albqps.engine;

import static io.albqps.engine.Obs.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code legacy} policy reproduces the original Python solution (reference/byteplus-api.md §6)
 * case by case. Each row gives the original's outcome, worked out from §6 with its {@code
 * TotalInstanceCount} as the instance count; where the original is unsafe, the row states the
 * difference and asserts ours instead. Target 50 QPS per instance; cooldowns 300/600/180 s.
 */
class LegacyPresetTest {

  /** One case: inputs, the original's outcome and, where it differs, ours with the reason why. */
  record Case(
      String sentence,
      Policy policy,
      Obs obs,
      ScalerState state,
      Outcome original,
      Outcome ours,
      String difference) {
    @Override
    public String toString() {
      return difference.isEmpty() ? sentence : sentence + " [differs: " + difference + "]";
    }
  }

  record Outcome(Action action, Reason reason, int newDesired, int cooldownRemainingSeconds) {}

  private static final class Row {
    private final String sentence;
    private Policy.Builder policy = Baselines.legacy().targetQpsPerInstance(50);
    private Obs obs;
    private ScalerState state = ScalerState.INITIAL;
    private Outcome original;
    private Outcome ours;
    private String difference = "";

    private Row(String sentence) {
      this.sentence = sentence;
    }

    Row staticMode() {
      policy.dynamicScaling(false);
      return this;
    }

    Row policy(java.util.function.UnaryOperator<Policy.Builder> change) {
      policy = change.apply(policy);
      return this;
    }

    /** The ALB's QPS, TotalInstanceCount (= desired unless {@link #desired}) and the bounds. */
    Row given(double qps, int total, int min, int max) {
      obs = Obs.qps(qps).desired(total).total(total).bounds(min, max);
      return this;
    }

    Row desired(int desired) {
      obs.desired(desired);
      return this;
    }

    Row obs(Obs custom) {
      obs = custom;
      return this;
    }

    /** Ages in seconds of the last general, scale-up and scale-down actions; -1 = never. */
    Row actedAgo(int general, int up, int down) {
      state = new ScalerState(at(general), at(up), at(down), at(general), List.of());
      return this;
    }

    Row expect(Action action, Reason reason, int newDesired) {
      return expect(action, reason, newDesired, 0);
    }

    Row expect(Action action, Reason reason, int newDesired, int remaining) {
      original = new Outcome(action, reason, newDesired, remaining);
      ours = original;
      return this;
    }

    Row oursInstead(Action action, Reason reason, int newDesired, String why) {
      ours = new Outcome(action, reason, newDesired, 0);
      difference = why;
      return this;
    }

    Case build() {
      return new Case(sentence, policy.build(), obs, state, original, ours, difference);
    }

    private static Optional<Instant> at(int secondsAgo) {
      return secondsAgo < 0 ? Optional.empty() : Optional.of(NOW.minusSeconds(secondsAgo));
    }
  }

  private static Row row(String sentence) {
    return new Row(sentence);
  }

  static Stream<Case> cases() {
    return Stream.of(
            // Dynamic mode: optimal = ceil(qps / target) clamped to [min, max].
            row("dynamic: load exactly at target on 3 holds")
                .given(150, 3, 1, 10)
                .expect(Action.NONE, Reason.OPTIMAL_INSTANCE_COUNT_REACHED, 3),
            row("dynamic: load for 5 on 3 scales up by 2")
                .given(240, 3, 1, 10)
                .expect(Action.SCALE_UP, Reason.DYNAMIC_SCALING_SCALE_UP, 5),
            row("dynamic: a burst from 2 to 10 is one step")
                .given(500, 2, 1, 20)
                .expect(Action.SCALE_UP, Reason.DYNAMIC_SCALING_SCALE_UP, 10),
            row("dynamic: load for 2 on 5 scales down by 3")
                .given(90, 5, 1, 10)
                .expect(Action.SCALE_DOWN, Reason.DYNAMIC_SCALING_SCALE_DOWN, 2),
            row("dynamic: 1 QPS over a multiple of the target rounds up")
                .given(151, 3, 1, 10)
                .expect(Action.SCALE_UP, Reason.DYNAMIC_SCALING_SCALE_UP, 4),
            row("dynamic: no tolerance band, 2% over target still adds one")
                .given(102, 2, 1, 10)
                .expect(Action.SCALE_UP, Reason.DYNAMIC_SCALING_SCALE_UP, 3),
            row("dynamic: demand beyond max is capped at max")
                .given(1000, 5, 1, 8)
                .expect(Action.SCALE_UP, Reason.DYNAMIC_SCALING_SCALE_UP, 8),
            row("dynamic: at max with more demand")
                .given(1000, 8, 1, 8)
                .expect(Action.NONE, Reason.AT_ASG_MAX_CAPACITY, 8),
            row("dynamic: demand below min is floored at min")
                .given(10, 5, 2, 10)
                .expect(Action.SCALE_DOWN, Reason.DYNAMIC_SCALING_SCALE_DOWN, 2),
            row("dynamic: at min with less demand")
                .given(10, 2, 2, 10)
                .expect(Action.NONE, Reason.AT_ASG_MIN_CAPACITY, 2),
            row("dynamic: qps 0 with data present scales to min")
                .given(0, 4, 1, 10)
                .expect(Action.SCALE_DOWN, Reason.DYNAMIC_SCALING_SCALE_DOWN, 1),
            row("dynamic: MAX_SCALE_UP_PER_ACTION 2 limits a jump of 8")
                .policy(p -> p.maxScaleUpPerAction(2))
                .given(500, 2, 1, 20)
                .expect(Action.SCALE_UP, Reason.DYNAMIC_SCALING_LIMITED_SCALE_UP, 4),
            row("dynamic: MAX_SCALE_DOWN_PER_ACTION 1 limits a drop of 3")
                .policy(p -> p.maxScaleDownPerAction(1))
                .given(90, 5, 1, 10)
                .expect(Action.SCALE_DOWN, Reason.DYNAMIC_SCALING_LIMITED_SCALE_DOWN, 4),
            row("dynamic: a cap equal to the change is not a limit")
                .policy(p -> p.maxScaleUpPerAction(3))
                .given(250, 2, 1, 10)
                .expect(Action.SCALE_UP, Reason.DYNAMIC_SCALING_SCALE_UP, 5),
            row("dynamic: the cap applies after the clamp to max (20 wanted, max 6, cap 3)")
                .policy(p -> p.maxScaleUpPerAction(3))
                .given(1000, 4, 1, 6)
                .expect(Action.SCALE_UP, Reason.DYNAMIC_SCALING_SCALE_UP, 6),
            // Cooldowns: general first, then the action's own (down only when > 0).
            row("cooldown: general, 100 s after an action, 80 s left")
                .given(500, 2, 1, 20)
                .actedAgo(100, 100, -1)
                .expect(Action.NONE, Reason.COOLDOWN_GENERAL, 2, 80),
            row("cooldown: scale-up, 200 s after a scale-up, 100 s left")
                .given(500, 2, 1, 20)
                .actedAgo(200, 200, -1)
                .expect(Action.NONE, Reason.COOLDOWN_SCALE_UP, 2, 100),
            row("cooldown: scale-down, 400 s after a scale-down, 200 s left")
                .given(90, 5, 1, 10)
                .actedAgo(400, -1, 400)
                .expect(Action.NONE, Reason.COOLDOWN_SCALE_DOWN, 5, 200),
            row("cooldown: a scale-up 200 s after a scale-down goes ahead")
                .given(500, 2, 1, 20)
                .actedAgo(200, -1, 200)
                .expect(Action.SCALE_UP, Reason.DYNAMIC_SCALING_SCALE_UP, 10),
            row("cooldown: exactly elapsed cooldowns no longer block")
                .given(500, 2, 1, 20)
                .actedAgo(300, 300, -1)
                .expect(Action.SCALE_UP, Reason.DYNAMIC_SCALING_SCALE_UP, 10),
            row("cooldown: SCALE_DOWN_COOLDOWN 0 is not checked")
                .policy(p -> p.scaleDownCooldown(Duration.ZERO).generalCooldown(Duration.ZERO))
                .given(90, 5, 1, 10)
                .actedAgo(1, -1, 1)
                .expect(Action.SCALE_DOWN, Reason.DYNAMIC_SCALING_SCALE_DOWN, 2),
            row("cooldown: a hold never reports a cooldown")
                .given(150, 3, 1, 10)
                .actedAgo(10, 10, 10)
                .expect(Action.NONE, Reason.OPTIMAL_INSTANCE_COUNT_REACHED, 3),
            row("cooldown: a limited scale-up still waits for the general cooldown")
                .policy(p -> p.maxScaleUpPerAction(2))
                .given(500, 2, 1, 20)
                .actedAgo(10, 10, -1)
                .expect(Action.NONE, Reason.COOLDOWN_GENERAL, 2, 170),
            // Static mode: per instance vs target x threshold (40 and 30), strict comparisons.
            row("static: 41 per instance is above 40 and adds one")
                .staticMode()
                .given(82, 2, 1, 10)
                .expect(Action.SCALE_UP, Reason.QPS_ABOVE_THRESHOLD, 3),
            row("static: exactly 40 per instance is not above")
                .staticMode()
                .given(80, 2, 1, 10)
                .expect(Action.NONE, Reason.QPS_WITHIN_THRESHOLDS, 2),
            row("static: 29 per instance is below 30 and removes one")
                .staticMode()
                .given(58, 2, 1, 10)
                .expect(Action.SCALE_DOWN, Reason.QPS_BELOW_THRESHOLD, 1),
            row("static: exactly 30 per instance is not below")
                .staticMode()
                .given(60, 2, 1, 10)
                .expect(Action.NONE, Reason.QPS_WITHIN_THRESHOLDS, 2),
            row("static: a burst still adds only one step")
                .staticMode()
                .given(500, 2, 1, 20)
                .expect(Action.SCALE_UP, Reason.QPS_ABOVE_THRESHOLD, 3),
            row("static: at max")
                .staticMode()
                .given(500, 3, 1, 3)
                .expect(Action.NONE, Reason.AT_MAX_CAPACITY, 3),
            row("static: at min")
                .staticMode()
                .given(10, 2, 2, 10)
                .expect(Action.NONE, Reason.AT_MIN_CAPACITY, 2),
            row("static: SCALE_UP_INCREMENT 2")
                .staticMode()
                .policy(p -> p.scaleUpIncrement(2))
                .given(500, 2, 1, 20)
                .expect(Action.SCALE_UP, Reason.QPS_ABOVE_THRESHOLD, 4),
            row("static: SCALE_DOWN_DECREMENT 2")
                .staticMode()
                .policy(p -> p.scaleDownDecrement(2))
                .given(10, 5, 1, 10)
                .expect(Action.SCALE_DOWN, Reason.QPS_BELOW_THRESHOLD, 3),
            row("static: an increment past max is clamped when executed")
                .staticMode()
                .policy(p -> p.scaleUpIncrement(3))
                .given(500, 4, 1, 5)
                .expect(Action.SCALE_UP, Reason.QPS_ABOVE_THRESHOLD, 5),
            row("static: general cooldown")
                .staticMode()
                .given(500, 2, 1, 20)
                .actedAgo(100, 100, -1)
                .expect(Action.NONE, Reason.COOLDOWN_GENERAL, 2, 80),
            row("static: scale-down cooldown, 300 s left")
                .staticMode()
                .given(10, 5, 1, 10)
                .actedAgo(300, -1, 300)
                .expect(Action.NONE, Reason.COOLDOWN_SCALE_DOWN, 5, 300),
            // Zero instances.
            row("zero instances, no traffic, dynamic")
                .given(0, 0, 0, 10)
                .expect(Action.NONE, Reason.OPTIMAL_INSTANCE_COUNT_REACHED, 0),
            row("zero instances, no traffic, static: per instance counts as 0")
                .staticMode()
                .given(0, 0, 0, 10)
                .expect(Action.NONE, Reason.AT_MIN_CAPACITY, 0),
            row("zero instances with traffic, dynamic")
                .given(120, 0, 0, 10)
                .expect(Action.SCALE_UP, Reason.DYNAMIC_SCALING_SCALE_UP, 3)
                .oursInstead(
                    Action.SCALE_UP, Reason.COLD_START, 3, "same capacity, reported as cold_start"),
            row("zero instances with traffic during a cooldown, dynamic")
                .given(120, 0, 0, 10)
                .actedAgo(10, -1, 10)
                .expect(Action.NONE, Reason.COOLDOWN_GENERAL, 0, 170)
                .oursInstead(
                    Action.SCALE_UP,
                    Reason.COLD_START,
                    3,
                    "the original leaves a group with traffic and no instance down for the"
                        + " cooldown; a cold start bypasses cooldowns"),
            row("zero instances with traffic, static")
                .staticMode()
                .given(120, 0, 0, 10)
                .expect(Action.NONE, Reason.AT_MIN_CAPACITY, 0)
                .oursInstead(
                    Action.SCALE_UP,
                    Reason.COLD_START,
                    3,
                    "the original reads 0 instances as 0 QPS per instance and never starts one"),
            // Where the original is unsafe.
            row("no data points at all")
                .obs(Obs.noData().desired(5).bounds(1, 10))
                .expect(Action.NONE, Reason.METRICS_UNAVAILABLE, 5),
            row("2 of 5 points, low load")
                .obs(Obs.qps(10).points(2).desired(5).bounds(1, 10))
                .expect(Action.SCALE_DOWN, Reason.DYNAMIC_SCALING_SCALE_DOWN, 1)
                .oursInstead(
                    Action.NONE,
                    Reason.METRICS_PARTIAL,
                    5,
                    "the original scales down on a partial window (KEDA #3065)"),
            row("3 instances running, 5 asked for, load for 5")
                .given(240, 3, 1, 10)
                .desired(5)
                .expect(Action.SCALE_UP, Reason.DYNAMIC_SCALING_SCALE_UP, 7)
                .oursInstead(
                    Action.NONE,
                    Reason.OPTIMAL_INSTANCE_COUNT_REACHED,
                    5,
                    "the original sizes from Total but adds to Desired, stacking booting"
                        + " instances"),
            row("5 instances running, desired already lowered to 3, load for 3")
                .given(150, 5, 1, 10)
                .desired(3)
                .expect(Action.SCALE_DOWN, Reason.DYNAMIC_SCALING_SCALE_DOWN, 1)
                .oursInstead(
                    Action.NONE,
                    Reason.OPTIMAL_INSTANCE_COUNT_REACHED,
                    3,
                    "the original subtracts Total's surplus from Desired again"),
            row("an instance still booting (desired 4, total 3), load for 2")
                .given(90, 3, 1, 10)
                .desired(4)
                .expect(Action.SCALE_DOWN, Reason.DYNAMIC_SCALING_SCALE_DOWN, 3)
                .oursInstead(
                    Action.NONE,
                    Reason.INSTANCES_WARMING_UP,
                    4,
                    "ours waits for the group to settle before removing capacity"),
            row("static: 2 running, 3 asked for, 50 per running instance")
                .staticMode()
                .given(100, 2, 1, 10)
                .desired(3)
                .expect(Action.SCALE_UP, Reason.QPS_ABOVE_THRESHOLD, 4)
                .oursInstead(
                    Action.NONE,
                    Reason.QPS_WITHIN_THRESHOLDS,
                    3,
                    "ours divides by desired (33 per instance), so a booting instance is not"
                        + " added twice"))
        .map(Row::build);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void legacyPolicyDecidesAsTheOriginal(Case c) {
    Decision decision = ScalingEngine.decide(c.policy(), c.obs().build(), c.state(), NOW);

    Outcome actual =
        new Outcome(
            decision.action(),
            decision.reason(),
            decision.newDesired(),
            (int) decision.cooldownRemaining().toSeconds());
    assertThat(actual).isEqualTo(c.ours());
  }

  @Test
  void tableCoversAtLeastThirtyCasesWhereOursMatchesTheOriginal() {
    long matching = cases().filter(c -> c.difference().isEmpty()).count();

    assertThat(matching).isGreaterThanOrEqualTo(30);
    assertThat(cases().filter(c -> c.original().equals(c.ours())).count()).isEqualTo(matching);
  }

  @Test
  void originalBaselineIsTheLegacyPolicy() {
    Observation obs = Obs.qps(240).desired(3).bounds(1, 10).build();

    Decision viaBaseline = Baselines.original(50).decide(obs, ScalerState.INITIAL, NOW);

    assertThat(viaBaseline)
        .isEqualTo(ScalingEngine.decide(Baselines.legacyPolicy(50), obs, ScalerState.INITIAL, NOW));
    assertThat(Baselines.original(50).name()).isEqualTo("original");
  }
}
