package io.albqps.engine;

import static io.albqps.engine.Obs.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Steps 5 to 13, one table per step: each row a sentence, a policy, an input and the outcome. */
class ScalingEngineStepsTest {
  private static final Policy DEFAULTS = Policy.defaults();
  private static final Policy IMMEDIATE = Obs.immediate().build();
  private static final Policy STATIC = Obs.immediate().dynamicScaling(false).build();
  private static final Policy PREDICTING =
      Obs.immediate()
          .qpsStatistic(QpsStatistic.MAX)
          .predictiveHorizon(Duration.ofSeconds(120))
          .build();

  private static Arguments row(
      String sentence,
      Policy policy,
      Obs obs,
      ScalerState state,
      Action action,
      Reason reason,
      int newDesired) {
    return Arguments.of(sentence, policy, obs, state, action, reason, newDesired);
  }

  static Stream<Arguments> recommendations() {
    ScalerState none = ScalerState.INITIAL;
    return Stream.of(
        row(
            "a burst from 2 to 10 instances is sized in one decision (defaults)",
            DEFAULTS,
            Obs.qps(500).desired(2),
            none,
            Action.SCALE_UP,
            Reason.DYNAMIC_SCALING_SCALE_UP,
            10),
        row(
            "load 5% above target stays inside the 10% tolerance band",
            DEFAULTS, Obs.qps(105).desired(2), none, Action.NONE, Reason.WITHIN_TOLERANCE, 2),
        row(
            "load 15% above target leaves the band and rounds up",
            DEFAULTS,
            Obs.qps(115).desired(2),
            none,
            Action.SCALE_UP,
            Reason.DYNAMIC_SCALING_SCALE_UP,
            3),
        row(
            "a 30% down tolerance holds a load 25% below target",
            IMMEDIATE.toBuilder().scaleDownTolerance(0.3).build(),
            Obs.qps(150).desired(4),
            none,
            Action.NONE,
            Reason.WITHIN_TOLERANCE,
            4),
        row(
            "a 30% down tolerance lets a load 40% below target scale down",
            IMMEDIATE.toBuilder().scaleDownTolerance(0.3).build(),
            Obs.qps(120).desired(4),
            none,
            Action.SCALE_DOWN,
            Reason.DYNAMIC_SCALING_SCALE_DOWN,
            3),
        row(
            "a 30% down tolerance leaves the up band alone: 20% above target scales up",
            IMMEDIATE.toBuilder().scaleDownTolerance(0.3).build(),
            Obs.qps(240).desired(4),
            none,
            Action.SCALE_UP,
            Reason.DYNAMIC_SCALING_SCALE_UP,
            5),
        row(
            "an uncapped 2-min prediction sizes a steep rise for 400 QPS",
            PREDICTING,
            Obs.series(100, 160, 220, 280).desired(2),
            none,
            Action.SCALE_UP,
            Reason.DYNAMIC_SCALING_SCALE_UP,
            8),
        row(
            "a prediction cap of 1.25 sizes the same rise for 1.25 x its peak (350 QPS)",
            PREDICTING.toBuilder().predictiveMaxRatio(1.25).build(),
            Obs.series(100, 160, 220, 280).desired(2),
            none,
            Action.SCALE_UP,
            Reason.DYNAMIC_SCALING_SCALE_UP,
            7),
        row(
            "with one rise required, a step already flat at 280 QPS is sized for 280, not ahead",
            PREDICTING.toBuilder().predictiveMinRises(1).build(),
            Obs.series(100, 100, 280, 280).desired(2),
            none,
            Action.SCALE_UP,
            Reason.DYNAMIC_SCALING_SCALE_UP,
            6),
        row(
            "load exactly at target holds",
            IMMEDIATE,
            Obs.qps(100).desired(2),
            none,
            Action.NONE,
            Reason.OPTIMAL_INSTANCE_COUNT_REACHED,
            2),
        row(
            "qps 0 with data present scales to the group minimum",
            IMMEDIATE,
            Obs.qps(0).desired(4).bounds(1, 10),
            none,
            Action.SCALE_DOWN,
            Reason.DYNAMIC_SCALING_SCALE_DOWN,
            1),
        row(
            "cold start from 0 sizes at once, bypassing the up-delay and the cooldowns",
            DEFAULTS.toBuilder().upscaleDelay(Duration.ofSeconds(120)).build(),
            Obs.qps(120).desired(0),
            Obs.actedAgo(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10)),
            Action.SCALE_UP,
            Reason.COLD_START,
            3),
        row(
            "no traffic at 0 instances stays at 0",
            IMMEDIATE,
            Obs.qps(0).desired(0),
            none,
            Action.NONE,
            Reason.OPTIMAL_INSTANCE_COUNT_REACHED,
            0),
        row(
            "static: 41 per instance is above 40 and adds one step",
            STATIC,
            Obs.qps(82).desired(2),
            none,
            Action.SCALE_UP,
            Reason.QPS_ABOVE_THRESHOLD,
            3),
        row(
            "static: exactly 40 per instance is not above (strict)",
            STATIC,
            Obs.qps(80).desired(2),
            none,
            Action.NONE,
            Reason.QPS_WITHIN_THRESHOLDS,
            2),
        row(
            "static: exactly 30 per instance is not below (strict)",
            STATIC,
            Obs.qps(60).desired(2),
            none,
            Action.NONE,
            Reason.QPS_WITHIN_THRESHOLDS,
            2),
        row(
            "static: 29 per instance is below 30 and removes one step",
            STATIC,
            Obs.qps(58).desired(2).bounds(1, 10),
            none,
            Action.SCALE_DOWN,
            Reason.QPS_BELOW_THRESHOLD,
            1),
        row(
            "static: the step is SCALE_UP_INCREMENT",
            STATIC.toBuilder().scaleUpIncrement(3).build(),
            Obs.qps(82).desired(2),
            none,
            Action.SCALE_UP,
            Reason.QPS_ABOVE_THRESHOLD,
            5));
  }

  static Stream<Arguments> stabilization() {
    Policy down = IMMEDIATE.toBuilder().downscaleDelay(Duration.ofSeconds(600)).build();
    Policy up = IMMEDIATE.toBuilder().upscaleDelay(Duration.ofSeconds(120)).build();
    return Stream.of(
        row(
            "going down takes the maximum recommendation of the window",
            down,
            Obs.qps(150).desired(8),
            Obs.history(620, 6, 300, 5, 60, 4),
            Action.SCALE_DOWN,
            Reason.DYNAMIC_SCALING_SCALE_DOWN,
            6),
        row(
            "a down-window not yet observed for its full length holds",
            down,
            Obs.qps(150).desired(8),
            Obs.history(300, 5, 60, 4),
            Action.NONE,
            Reason.DOWNSCALE_DELAY,
            8),
        row(
            "one high recommendation inside the down-window holds the capacity",
            down,
            Obs.qps(150).desired(8),
            Obs.history(620, 6, 300, 9, 60, 4),
            Action.NONE,
            Reason.DOWNSCALE_DELAY,
            8),
        row(
            "after a gap the last recommendation before it still anchors the window",
            down,
            Obs.qps(150).desired(8),
            Obs.history(1500, 8),
            Action.NONE,
            Reason.DOWNSCALE_DELAY,
            8),
        row(
            "going up takes the minimum recommendation of the up-window",
            up,
            Obs.qps(500).desired(2),
            Obs.history(180, 3, 60, 10),
            Action.SCALE_UP,
            Reason.DYNAMIC_SCALING_SCALE_UP,
            3),
        row(
            "an up-window not yet observed for its full length holds",
            up,
            Obs.qps(500).desired(2),
            ScalerState.INITIAL,
            Action.NONE,
            Reason.UPSCALE_DELAY,
            2),
        row(
            "panic skips the up-delay",
            up.toBuilder().panicThreshold(2).build(),
            Obs.qps(500).desired(2),
            ScalerState.INITIAL,
            Action.SCALE_UP,
            Reason.PANIC_SCALE_UP,
            10),
        row(
            "load below the panic threshold keeps the up-delay",
            up.toBuilder().panicThreshold(6).build(),
            Obs.qps(500).desired(2),
            ScalerState.INITIAL,
            Action.NONE,
            Reason.UPSCALE_DELAY,
            2),
        row(
            "panic counts InService instances only: 5x on the one of two serving",
            up.toBuilder().panicThreshold(4).build(),
            Obs.qps(250)
                .desired(2)
                .instances(Obs.serving("i-a", Duration.ofHours(1)), Obs.pending("i-b")),
            ScalerState.INITIAL,
            Action.SCALE_UP,
            Reason.PANIC_SCALE_UP,
            5));
  }

  static Stream<Arguments> factorsLimitsAndBounds() {
    ScalerState none = ScalerState.INITIAL;
    return Stream.of(
        row(
            "an upscaling factor of 0.5 moves half way, rounded up",
            IMMEDIATE.toBuilder().upscalingFactor(0.5).build(),
            Obs.qps(500).desired(2),
            none,
            Action.SCALE_UP,
            Reason.DYNAMIC_SCALING_SCALE_UP,
            6),
        row(
            "a downscaling factor of 0.5 halves a large drop",
            IMMEDIATE.toBuilder().downscalingFactor(0.5).build(),
            Obs.qps(50).desired(9),
            none,
            Action.SCALE_DOWN,
            Reason.DYNAMIC_SCALING_SCALE_DOWN,
            5),
        row(
            "a downscaling factor still removes at least one instance",
            IMMEDIATE.toBuilder().downscalingFactor(0.5).build(),
            Obs.qps(150).desired(4),
            none,
            Action.SCALE_DOWN,
            Reason.DYNAMIC_SCALING_SCALE_DOWN,
            3),
        row(
            "MAX_SCALE_UP_PER_ACTION 3 limits a jump of 8",
            IMMEDIATE.toBuilder().maxScaleUpPerAction(3).build(),
            Obs.qps(500).desired(2),
            none,
            Action.SCALE_UP,
            Reason.DYNAMIC_SCALING_LIMITED_SCALE_UP,
            5),
        row(
            "MAX_SCALE_DOWN_PER_ACTION 2 limits a drop of 8",
            IMMEDIATE.toBuilder().maxScaleDownPerAction(2).build(),
            Obs.qps(50).desired(9),
            none,
            Action.SCALE_DOWN,
            Reason.DYNAMIC_SCALING_LIMITED_SCALE_DOWN,
            7),
        row(
            "a cap looser than the group's max is not what limits the move",
            IMMEDIATE.toBuilder().maxScaleUpPerAction(5).build(),
            Obs.qps(500).desired(2).bounds(0, 6),
            none,
            Action.SCALE_UP,
            Reason.DYNAMIC_SCALING_SCALE_UP,
            6),
        row(
            "demand beyond the group's max is clamped to max",
            IMMEDIATE,
            Obs.qps(500).desired(2).bounds(0, 6),
            none,
            Action.SCALE_UP,
            Reason.DYNAMIC_SCALING_SCALE_UP,
            6),
        row(
            "demand below the group's min is clamped to min",
            IMMEDIATE,
            Obs.qps(50).desired(9).bounds(3, 10),
            none,
            Action.SCALE_DOWN,
            Reason.DYNAMIC_SCALING_SCALE_DOWN,
            3),
        row(
            "at the group's max with more demand holds",
            IMMEDIATE,
            Obs.qps(500).desired(6).bounds(0, 6),
            none,
            Action.NONE,
            Reason.AT_ASG_MAX_CAPACITY,
            6),
        row(
            "at the group's min with less demand holds",
            IMMEDIATE,
            Obs.qps(0).desired(2).bounds(2, 10),
            none,
            Action.NONE,
            Reason.AT_ASG_MIN_CAPACITY,
            2),
        row(
            "static: at max holds with the original's at_max_capacity",
            STATIC,
            Obs.qps(500).desired(3).bounds(1, 3),
            none,
            Action.NONE,
            Reason.AT_MAX_CAPACITY,
            3),
        row(
            "static: at min holds with the original's at_min_capacity",
            STATIC,
            Obs.qps(10).desired(2).bounds(2, 10),
            none,
            Action.NONE,
            Reason.AT_MIN_CAPACITY,
            2),
        row(
            "static: a cap below the increment is a safety limit",
            STATIC.toBuilder().scaleUpIncrement(3).maxScaleUpPerAction(2).build(),
            Obs.qps(500).desired(2),
            none,
            Action.SCALE_UP,
            Reason.LIMITED_BY_SAFETY,
            4));
  }

  static Stream<Arguments> warmup() {
    Policy policy = IMMEDIATE.toBuilder().instanceWarmup(Duration.ofSeconds(300)).build();
    ScalerState none = ScalerState.INITIAL;
    Instance old = Obs.serving("i-a", Duration.ofHours(1));
    return Stream.of(
        row(
            "a Pending instance blocks a scale-down",
            policy,
            Obs.qps(0).desired(2).bounds(1, 10).instances(old, Obs.pending("i-b")),
            none,
            Action.NONE,
            Reason.INSTANCES_WARMING_UP,
            2),
        row(
            "an instance younger than the warm-up blocks a scale-down",
            policy,
            Obs.qps(0)
                .desired(2)
                .bounds(1, 10)
                .instances(old, Obs.serving("i-b", Duration.ofSeconds(120))),
            none,
            Action.NONE,
            Reason.INSTANCES_WARMING_UP,
            2),
        row(
            "with every instance warm the scale-down goes ahead",
            policy,
            Obs.qps(0)
                .desired(2)
                .bounds(1, 10)
                .instances(old, Obs.serving("i-b", Duration.ofSeconds(300))),
            none,
            Action.SCALE_DOWN,
            Reason.DYNAMIC_SCALING_SCALE_DOWN,
            1),
        row(
            "warming instances never block a scale-up",
            policy,
            Obs.qps(500).desired(1).instances(Obs.pending("i-a")),
            none,
            Action.SCALE_UP,
            Reason.DYNAMIC_SCALING_SCALE_UP,
            10),
        row(
            "without a listing, a group still converging (desired 3, total 2) blocks a scale-down",
            policy,
            Obs.qps(0).desired(3).total(2).bounds(1, 10),
            none,
            Action.NONE,
            Reason.INSTANCES_WARMING_UP,
            3),
        row(
            "without a listing, a settled group counts as warm",
            policy,
            Obs.qps(0).desired(3).total(3).bounds(1, 10),
            none,
            Action.SCALE_DOWN,
            Reason.DYNAMIC_SCALING_SCALE_DOWN,
            1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"recommendations", "stabilization", "factorsLimitsAndBounds", "warmup"})
  void decides(
      String sentence,
      Policy policy,
      Obs obs,
      ScalerState state,
      Action action,
      Reason reason,
      int newDesired) {
    Decision decision = ScalingEngine.decide(policy, obs.build(), state, NOW);

    assertThat(List.<Object>of(decision.action(), decision.reason(), decision.newDesired()))
        .containsExactly(action, reason, newDesired);
  }
}
