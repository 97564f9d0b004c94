package io.albqps.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The outcome of one evaluation: the action, its reason, the desired capacity before and after, the
 * numbers behind it, and the engine state to keep. {@code nextState} records the recommendation
 * history only; cooldowns are recorded by whoever executes the action ({@link
 * ScalerState#afterAction}), so a failed or dry-run action never starts a cooldown.
 *
 * @param qps the QPS the decision used (after the statistic and prediction); empty without data
 * @param recommended the raw recommendation of step 5 (before stabilization, factors and limits);
 *     equal to {@code currentDesired} when no recommendation was made
 * @param cooldownRemaining how long the blocking cooldown still runs; zero otherwise
 * @param limitedBySafety true when a per-action limit or the group's bounds cut the move
 */
public record Decision(
    Action action,
    Reason reason,
    int currentDesired,
    int newDesired,
    OptionalDouble qps,
    int recommended,
    Duration cooldownRemaining,
    boolean limitedBySafety,
    ScalerState nextState) {

  public Decision {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(qps, "qps");
    Objects.requireNonNull(cooldownRemaining, "cooldownRemaining");
    Objects.requireNonNull(nextState, "nextState");
    boolean consistent =
        switch (action) {
          case NONE -> newDesired == currentDesired;
          case SCALE_UP -> newDesired > currentDesired;
          case SCALE_DOWN -> newDesired < currentDesired;
        };
    if (!consistent) {
      throw new IllegalArgumentException(
          action + " cannot go from " + currentDesired + " to " + newDesired);
    }
  }

  /** A decision to hold, for the given reason. */
  public static Decision hold(
      Reason reason, int currentDesired, OptionalDouble qps, int recommended, ScalerState next) {
    return new Decision(
        Action.NONE,
        reason,
        currentDesired,
        currentDesired,
        qps,
        recommended,
        Duration.ZERO,
        false,
        next);
  }

  public boolean changesCapacity() {
    return action != Action.NONE;
  }

  /** The signed change of desired capacity. */
  public int change() {
    return newDesired - currentDesired;
  }

  /** QPS per desired instance; empty without data, and 0 with data but no instance. */
  public OptionalDouble qpsPerInstance() {
    if (qps.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(currentDesired <= 0 ? 0.0 : qps.getAsDouble() / currentDesired);
  }
}
