package io.albqps.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Decides the desired capacity of one group from one observation, following DESIGN §4's thirteen
 * steps in order; pure (no clock, no I/O, no logging), so the function, the simulator and the tests
 * share it.
 */
public final class ScalingEngine {
  private ScalingEngine() {}

  /** Our engine bound to {@code policy}, under the name {@code ours}. */
  public static Autoscaler ours(Policy policy) {
    return new PolicyAutoscaler("ours", policy);
  }

  /**
   * One decision. Every early exit is {@link Action#NONE} with its {@link Reason}; {@code
   * nextState} carries the recommendation history (cooldowns are recorded by the executor).
   */
  public static Decision decide(Policy policy, Observation obs, ScalerState state, Instant now) {
    GroupSnapshot group = obs.group();
    int current = group.desiredInstances(); // step 4: instances asked for, booting ones included

    // 1. Group guards.
    Optional<Reason> blocked = Guards.groupBlock(group, obs.activityInProgress());
    if (blocked.isPresent()) {
      return Decision.hold(blocked.get(), current, OptionalDouble.empty(), current, state);
    }
    // 2. Data guards.
    if (Guards.metricsUnavailable(obs, policy.metricStaleAfter(), now)) {
      return Decision.hold(
          Reason.METRICS_UNAVAILABLE, current, OptionalDouble.empty(), current, state);
    }
    boolean partial = Guards.metricsPartial(obs);
    // 3. Signal.
    double qps =
        Signal.withPrediction(
            policy.qpsStatistic(),
            obs.points(),
            policy.predictiveHorizon(),
            policy.predictiveMaxRatio(),
            policy.predictiveMinRises());
    OptionalDouble seen = OptionalDouble.of(qps);
    // 5. Recommendation.
    boolean coldStart = current == 0 && qps > 0;
    int recommended = recommend(policy, qps, current, coldStart);
    // 6. History: a partial window may only vote up, so it never lowers a later down-window max.
    int recorded = partial ? Math.max(recommended, current) : recommended;
    List<Recommendation> history =
        RecommendationHistory.appendAndPrune(
            state.recommendations(), new Recommendation(now, recorded, qps), longestWindow(policy));
    ScalerState next = state.withRecommendations(history);
    if (recommended == current) {
      return Decision.hold(holdReason(policy, qps, current), current, seen, recommended, next);
    }
    boolean up = recommended > current;
    if (!up && partial) {
      return Decision.hold(Reason.METRICS_PARTIAL, current, seen, recommended, next);
    }
    boolean panic = up && !coldStart && panicking(policy, qps, group);
    // 7. Stabilize.
    int stabilized = recommended;
    if (!coldStart && !panic) {
      stabilized = stabilize(policy, history, now, up, recommended);
      if (stabilized == RecommendationHistory.NOT_OBSERVED
          || (up ? stabilized <= current : stabilized >= current)) {
        Reason delay = up ? Reason.UPSCALE_DELAY : Reason.DOWNSCALE_DELAY;
        return Decision.hold(delay, current, seen, recommended, next);
      }
    }
    // 8. Factors (a cold start takes the whole recommendation at once).
    int candidate = coldStart ? stabilized : applyFactors(policy, current, stabilized, up);
    // 9. Rate limit: the per-action cap, binding only where it cuts more than the bounds do.
    int cap = up ? policy.maxScaleUpPerAction() : policy.maxScaleDownPerAction();
    // 10. Clamp to the group's bounds; a clamp never turns a move around.
    int bounded = Math.max(group.minInstances(), Math.min(group.maxInstances(), candidate));
    if (up ? bounded <= current : bounded >= current) {
      return Decision.hold(boundReason(policy, up), current, seen, recommended, next);
    }
    boolean capped = cap > 0 && Math.abs(bounded - current) > cap;
    int newDesired = capped ? (up ? current + cap : current - cap) : bounded;
    boolean limitedBySafety = capped || bounded != candidate;
    // 11. Warm-up: only a scale-down waits for the group to settle.
    if (!up && Guards.instancesWarming(group, policy.instanceWarmup(), now)) {
      return Decision.hold(Reason.INSTANCES_WARMING_UP, current, seen, recommended, next);
    }
    // 12. Cooldowns: general first, then the direction's own; panic and cold start skip them up.
    if (!coldStart && !panic) {
      Decision cooling = cooldown(policy, state, now, up, current, seen, recommended, next);
      if (cooling != null) {
        return cooling;
      }
    }
    // 13. Result.
    Reason reason = resultReason(policy, up, coldStart, panic, capped);
    Action action = up ? Action.SCALE_UP : Action.SCALE_DOWN;
    return new Decision(
        action,
        reason,
        current,
        newDesired,
        seen,
        recommended,
        Duration.ZERO,
        limitedBySafety,
        next);
  }

  /** Step 5: the raw recommendation, before stabilization, factors, limits and bounds. */
  private static int recommend(Policy policy, double qps, int current, boolean coldStart) {
    double target = policy.targetQpsPerInstance();
    int proportional = ceilToInt(qps / target);
    if (coldStart) {
      return Math.max(1, proportional);
    }
    if (policy.dynamicScaling()) {
      return withinTolerance(policy, qps, current) ? current : proportional;
    }
    double perInstance = current == 0 ? 0 : qps / current;
    if (perInstance > policy.scaleUpQps()) {
      return current + policy.scaleUpIncrement();
    }
    if (perInstance < policy.scaleDownQps()) {
      return Math.max(0, current - policy.scaleDownDecrement());
    }
    return current;
  }

  /**
   * HPA's band: hold while |qps / (target × current) − 1| ≤ tolerance, with the down tolerance
   * below the target and the up tolerance above it.
   */
  private static boolean withinTolerance(Policy policy, double qps, int current) {
    if (current == 0) {
      return false;
    }
    double ratio = qps / (policy.targetQpsPerInstance() * current);
    double tolerance = ratio < 1 ? policy.scaleDownTolerance() : policy.scaleTolerance();
    return Math.abs(ratio - 1) <= tolerance;
  }

  /** Why a recommendation equal to the current capacity holds, in the original's words. */
  private static Reason holdReason(Policy policy, double qps, int current) {
    if (!policy.dynamicScaling()) {
      double perInstance = current == 0 ? 0 : qps / current;
      return perInstance < policy.scaleDownQps()
          ? Reason.AT_MIN_CAPACITY
          : Reason.QPS_WITHIN_THRESHOLDS;
    }
    boolean bandHeld = ceilToInt(qps / policy.targetQpsPerInstance()) != current;
    return bandHeld ? Reason.WITHIN_TOLERANCE : Reason.OPTIMAL_INSTANCE_COUNT_REACHED;
  }

  private static boolean panicking(Policy policy, double qps, GroupSnapshot group) {
    if (!policy.panicEnabled()) {
      return false;
    }
    int serving = group.inServiceInstances();
    if (serving == 0) {
      return qps > 0;
    }
    return qps / (serving * policy.targetQpsPerInstance()) >= policy.panicThreshold();
  }

  /** Step 7: up takes the window's minimum, down its maximum (HPA's behaviour). */
  private static int stabilize(
      Policy policy, List<Recommendation> history, Instant now, boolean up, int recommended) {
    Duration window = up ? policy.upscaleDelay() : policy.downscaleDelay();
    if (window.isZero()) {
      return recommended;
    }
    return up
        ? RecommendationHistory.windowMin(history, now, window)
        : RecommendationHistory.windowMax(history, now, window);
  }

  /** Step 8: Ray's factors; a scale-down always removes at least one instance. */
  private static int applyFactors(Policy policy, int current, int stabilized, boolean up) {
    int delta = Math.abs(stabilized - current);
    if (up) {
      long added = Math.max(1, ceilToInt(policy.upscalingFactor() * delta));
      return (int) Math.min(Integer.MAX_VALUE - 1, current + added);
    }
    int removed = Math.max(1, floorToInt(policy.downscalingFactor() * delta));
    return Math.max(0, current - removed);
  }

  private static Reason boundReason(Policy policy, boolean up) {
    if (policy.dynamicScaling()) {
      return up ? Reason.AT_ASG_MAX_CAPACITY : Reason.AT_ASG_MIN_CAPACITY;
    }
    return up ? Reason.AT_MAX_CAPACITY : Reason.AT_MIN_CAPACITY;
  }

  /** Step 12: the blocking cooldown as a hold, or null when none blocks. */
  private static Decision cooldown(
      Policy policy,
      ScalerState state,
      Instant now,
      boolean up,
      int current,
      OptionalDouble seen,
      int recommended,
      ScalerState next) {
    Duration general = remaining(state.lastGeneralAction(), policy.generalCooldown(), now);
    if (!general.isZero()) {
      return cooling(Reason.COOLDOWN_GENERAL, general, current, seen, recommended, next);
    }
    if (up) {
      Duration own = remaining(state.lastScaleUp(), policy.scaleUpCooldown(), now);
      return own.isZero()
          ? null
          : cooling(Reason.COOLDOWN_SCALE_UP, own, current, seen, recommended, next);
    }
    if (policy.scaleDownCooldown().isZero()) {
      return null; // the original checks the down cooldown only when it is set
    }
    Duration own = remaining(state.lastScaleDown(), policy.scaleDownCooldown(), now);
    return own.isZero()
        ? null
        : cooling(Reason.COOLDOWN_SCALE_DOWN, own, current, seen, recommended, next);
  }

  private static Decision cooling(
      Reason reason,
      Duration remaining,
      int current,
      OptionalDouble seen,
      int recommended,
      ScalerState next) {
    return new Decision(
        Action.NONE, reason, current, current, seen, recommended, remaining, false, next);
  }

  /**
   * What is left of {@code cooldown} since {@code last}; the original blocks while elapsed < it.
   */
  private static Duration remaining(Optional<Instant> last, Duration cooldown, Instant now) {
    if (last.isEmpty()) {
      return Duration.ZERO;
    }
    Duration elapsed = Duration.between(last.get(), now);
    return elapsed.compareTo(cooldown) < 0 ? cooldown.minus(elapsed) : Duration.ZERO;
  }

  private static Reason resultReason(
      Policy policy, boolean up, boolean coldStart, boolean panic, boolean capped) {
    if (coldStart) {
      return Reason.COLD_START;
    }
    if (panic) {
      return Reason.PANIC_SCALE_UP;
    }
    if (!policy.dynamicScaling()) {
      if (capped) {
        return Reason.LIMITED_BY_SAFETY;
      }
      return up ? Reason.QPS_ABOVE_THRESHOLD : Reason.QPS_BELOW_THRESHOLD;
    }
    if (capped) {
      return up
          ? Reason.DYNAMIC_SCALING_LIMITED_SCALE_UP
          : Reason.DYNAMIC_SCALING_LIMITED_SCALE_DOWN;
    }
    return up ? Reason.DYNAMIC_SCALING_SCALE_UP : Reason.DYNAMIC_SCALING_SCALE_DOWN;
  }

  private static Duration longestWindow(Policy policy) {
    Duration up = policy.upscaleDelay();
    Duration down = policy.downscaleDelay();
    return up.compareTo(down) >= 0 ? up : down;
  }

  /** Ceiling that forgives floating-point noise: 3.0000000000000004 counts as 3. */
  static int ceilToInt(double value) {
    return (int) Math.min(Integer.MAX_VALUE - 1, Math.ceil(value - 1e-9));
  }

  private static int floorToInt(double value) {
    return (int) Math.min(Integer.MAX_VALUE - 1, Math.floor(value + 1e-9));
  }
}
