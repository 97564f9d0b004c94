package io.albqps.sim;

import io.albqps.engine.Action;
import io.albqps.engine.Autoscaler;
import io.albqps.engine.Decision;
import io.albqps.engine.Observation;
import io.albqps.engine.Reason;
import io.albqps.engine.ScalerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BiConsumer;

/** Tiny policies whose behaviour a test can work out by hand. */
final class TestAutoscalers {
  private TestAutoscalers() {}

  /** Sizes to ceil(newest point / target) within the group's bounds; holds without data. */
  static Autoscaler followNewest(double target) {
    return recording(target, (now, obs) -> {});
  }

  /** {@link #followNewest} that also hands every observation to {@code seen}. */
  static Autoscaler recording(double target, BiConsumer<Instant, Observation> seen) {
    return new Autoscaler() {
      @Override
      public String name() {
        return "follow";
      }

      @Override
      public Decision decide(Observation obs, ScalerState state, Instant now) {
        seen.accept(now, obs);
        int current = obs.group().desiredInstances();
        List<io.albqps.engine.MetricPoint> points = obs.points();
        if (points.isEmpty()) {
          return Decision.hold(
              Reason.METRICS_UNAVAILABLE, current, OptionalDouble.empty(), current, state);
        }
        double qps = points.get(points.size() - 1).qps();
        int wanted = (int) Math.ceil(qps / target);
        int bounded =
            Math.max(obs.group().minInstances(), Math.min(obs.group().maxInstances(), wanted));
        Action action =
            bounded > current
                ? Action.SCALE_UP
                : bounded < current ? Action.SCALE_DOWN : Action.NONE;
        return new Decision(
            action,
            action == Action.NONE ? Reason.WITHIN_TOLERANCE : Reason.DYNAMIC_SCALING_SCALE_UP,
            current,
            bounded,
            OptionalDouble.of(qps),
            wanted,
            Duration.ZERO,
            false,
            state);
      }
    };
  }

  /** A factory running {@code autoscaler} at the model's interval with {@code lookBack}. */
  static SourceFactory source(Autoscaler autoscaler, Duration lookBack) {
    return (cluster, foresight) ->
        new AutoscalerSource(autoscaler, cluster.evalInterval(), lookBack);
  }
}
