package io.albqps.function;

import io.albqps.engine.Action;
import io.albqps.engine.Autoscaler;
import io.albqps.engine.Decision;
import io.albqps.engine.MetricPoint;
import io.albqps.engine.Observation;
import io.albqps.engine.Policy;
import io.albqps.engine.Reason;
import io.albqps.engine.Recommendation;
import io.albqps.engine.ScalerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An in-test stand-in for the engine: proportional sizing with the general and per-direction
 * cooldowns, so handler tests do not depend on the engine's finer rules.
 */
final class SimpleAutoscaler implements Autoscaler {
  private final Policy policy;

  SimpleAutoscaler(Policy policy) {
    this.policy = policy;
  }

  @Override
  public String name() {
    return "simple";
  }

  @Override
  public Decision decide(Observation obs, ScalerState state, Instant now) {
    int current = obs.group().desiredInstances();
    if (obs.points().isEmpty()) {
      return Decision.hold(
          Reason.METRICS_UNAVAILABLE, current, OptionalDouble.empty(), current, state);
    }
    double qps = obs.points().stream().mapToDouble(MetricPoint::qps).average().orElseThrow();
    int wanted = (int) Math.ceil(qps / policy.targetQpsPerInstance());
    int r = Math.max(obs.group().minInstances(), Math.min(obs.group().maxInstances(), wanted));
    List<Recommendation> history = new ArrayList<>(state.recommendations());
    history.add(new Recommendation(now, r, qps));
    ScalerState next = state.withRecommendations(history);
    OptionalDouble q = OptionalDouble.of(qps);
    if (r == current) {
      return Decision.hold(Reason.OPTIMAL_INSTANCE_COUNT_REACHED, current, q, r, next);
    }
    Duration general = remaining(state.lastGeneralAction(), policy.generalCooldown(), now);
    if (!general.isZero()) {
      return new Decision(
          Action.NONE, Reason.COOLDOWN_GENERAL, current, current, q, r, general, false, next);
    }
    boolean up = r > current;
    Duration own =
        up
            ? remaining(state.lastScaleUp(), policy.scaleUpCooldown(), now)
            : remaining(state.lastScaleDown(), policy.scaleDownCooldown(), now);
    if (!own.isZero()) {
      Reason reason = up ? Reason.COOLDOWN_SCALE_UP : Reason.COOLDOWN_SCALE_DOWN;
      return new Decision(Action.NONE, reason, current, current, q, r, own, false, next);
    }
    return new Decision(
        up ? Action.SCALE_UP : Action.SCALE_DOWN,
        up ? Reason.DYNAMIC_SCALING_SCALE_UP : Reason.DYNAMIC_SCALING_SCALE_DOWN,
        current,
        r,
        q,
        r,
        Duration.ZERO,
        false,
        next);
  }

  private static Duration remaining(Optional<Instant> last, Duration cooldown, Instant now) {
    if (last.isEmpty()) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, last.get().plus(cooldown));
    return left.isNegative() ? Duration.ZERO : left;
  }
}
