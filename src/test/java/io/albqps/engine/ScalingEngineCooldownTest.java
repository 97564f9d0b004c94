package io.albqps.engine;

import static io.albqps.engine.Obs.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Step 12: the original's cooldowns, general first, with the remaining time reported. */
class ScalingEngineCooldownTest {
  /** Cooldowns up 300 s, down 600 s, general 180 s; nothing else delays. */
  private static final Policy POLICY =
      Obs.immediate()
          .scaleUpCooldown(Duration.ofSeconds(300))
          .scaleDownCooldown(Duration.ofSeconds(600))
          .generalCooldown(Duration.ofSeconds(180))
          .build();

  private static final Obs UP = Obs.qps(500).desired(2);
  private static final Obs DOWN = Obs.qps(50).desired(4);

  /** Ages in seconds of the last general, scale-up and scale-down actions; -1 = never. */
  private static ScalerState ago(int general, int up, int down) {
    return new ScalerState(at(general), at(up), at(down), at(general), List.of());
  }

  private static Optional<Instant> at(int secondsAgo) {
    return secondsAgo < 0 ? Optional.empty() : Optional.of(NOW.minusSeconds(secondsAgo));
  }

  private static Arguments row(
      String sentence, Policy policy, Obs obs, ScalerState state, Reason reason, int remaining) {
    return Arguments.of(sentence, policy, obs, state, reason, remaining);
  }

  static Stream<Arguments> cooldowns() {
    Policy panic = POLICY.toBuilder().panicThreshold(2).build();
    Policy noDownCooldown =
        POLICY.toBuilder().scaleDownCooldown(Duration.ZERO).generalCooldown(Duration.ZERO).build();
    return Stream.of(
        row(
            "the general cooldown is checked first and reports 80 s left",
            POLICY,
            UP,
            ago(100, 100, -1),
            Reason.COOLDOWN_GENERAL,
            80),
        row(
            "after the general cooldown, the scale-up cooldown reports 100 s left",
            POLICY,
            UP,
            ago(200, 200, -1),
            Reason.COOLDOWN_SCALE_UP,
            100),
        row(
            "after the general cooldown, the scale-down cooldown reports 200 s left",
            POLICY,
            DOWN,
            ago(400, -1, 400),
            Reason.COOLDOWN_SCALE_DOWN,
            200),
        row(
            "a scale-up does not wait for the scale-down cooldown",
            POLICY,
            UP,
            ago(200, -1, 200),
            Reason.DYNAMIC_SCALING_SCALE_UP,
            0),
        row(
            "a cooldown that has exactly elapsed no longer blocks",
            POLICY,
            UP,
            ago(300, 300, -1),
            Reason.DYNAMIC_SCALING_SCALE_UP,
            0),
        row(
            "a scale-down cooldown of 0 is not checked at all",
            noDownCooldown,
            DOWN,
            ago(1, -1, 1),
            Reason.DYNAMIC_SCALING_SCALE_DOWN,
            0),
        row(
            "panic skips the general and scale-up cooldowns",
            panic,
            UP,
            ago(10, 10, -1),
            Reason.PANIC_SCALE_UP,
            0),
        row(
            "panic never skips a cooldown for a scale-down",
            panic,
            DOWN,
            ago(400, -1, 400),
            Reason.COOLDOWN_SCALE_DOWN,
            200),
        row(
            "a hold never consults the cooldowns",
            POLICY,
            Obs.qps(100).desired(2),
            ago(10, 10, 10),
            Reason.OPTIMAL_INSTANCE_COUNT_REACHED,
            0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cooldowns")
  void cooldown(
      String sentence, Policy policy, Obs obs, ScalerState state, Reason reason, int remaining) {
    Decision decision = ScalingEngine.decide(policy, obs.build(), state, NOW);

    assertThat(decision.reason()).isEqualTo(reason);
    assertThat(decision.cooldownRemaining()).isEqualTo(Duration.ofSeconds(remaining));
    if (reason.wireName().startsWith("cooldown")) {
      assertThat(decision.action()).isEqualTo(Action.NONE);
    }
  }
}
