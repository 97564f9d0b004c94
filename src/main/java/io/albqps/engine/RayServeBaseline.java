package io.albqps.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Ray Serve's default autoscaling policy, for side-by-side comparison. Source: ray-project/ray
 * {@code python/ray/serve/autoscaling_policy.py} ({@code _calculate_desired_num_replicas}, {@code
 * replica_queue_length_autoscaling_policy}, the cold-start fast path) and {@code config.py}
 * defaults (look-back 30 s, upscale delay 30 s, downscale delay 600 s, factors 1.0), as summarised
 * in reference/autoscaling-anchors.md §2, with QPS in place of ongoing requests.
 *
 * <p>Ray's delays count consecutive 0.1 s decisions in one direction; here they are the time since
 * the first of the consecutive same-direction decisions (the state's history holds exactly that
 * run, and is cleared whenever Ray resets its counter: on a hold, a reversal or a firing). A
 * missing or partial window resets the counter too, so a gap never completes a delay.
 */
record RayServeBaseline(double targetQpsPerInstance) implements Autoscaler {
  static final Duration LOOK_BACK = Duration.ofSeconds(30);
  static final Duration UPSCALE_DELAY = Duration.ofSeconds(30);
  static final Duration DOWNSCALE_DELAY = Duration.ofSeconds(600);

  RayServeBaseline {
    Baselines.checkTarget(targetQpsPerInstance);
  }

  static RayServeBaseline of(double targetQpsPerInstance) {
    return new RayServeBaseline(targetQpsPerInstance);
  }

  @Override
  public String name() {
    return "ray";
  }

  @Override
  public Decision decide(Observation obs, ScalerState state, Instant now) {
    GroupSnapshot group = obs.group();
    int target = group.desiredInstances();
    Optional<Reason> blocked = Guards.groupBlock(group, obs.activityInProgress());
    if (blocked.isPresent()) {
      return Decision.hold(blocked.get(), target, OptionalDouble.empty(), target, state);
    }
    ScalerState reset = state.withRecommendations(List.of());
    if (Guards.metricsUnavailable(obs, Guards.defaultStaleAfter(obs), now)) {
      return Decision.hold(
          Reason.METRICS_UNAVAILABLE, target, OptionalDouble.empty(), target, reset);
    }
    double qps = lookBackMean(obs.points());
    OptionalDouble seen = OptionalDouble.of(qps);
    if (group.inServiceInstances() == 0) {
      return coldStart(group, target, qps, seen, reset);
    }
    int desired = ScalingEngine.ceilToInt(qps / targetQpsPerInstance);
    if (desired < target && target != 1) {
      desired = Math.max(1, desired); // only 1 -> 0 may reach zero
    }
    if (desired == target) {
      return Decision.hold(Reason.OPTIMAL_INSTANCE_COUNT_REACHED, target, seen, desired, reset);
    }
    boolean up = desired > target;
    if (!up && Guards.metricsPartial(obs)) {
      return Decision.hold(Reason.METRICS_PARTIAL, target, seen, desired, reset);
    }
    List<Recommendation> run = continueRun(state.recommendations(), target, up);
    Instant runStart = run.isEmpty() ? now : run.get(0).at();
    Duration delay = up ? UPSCALE_DELAY : DOWNSCALE_DELAY;
    if (Duration.between(runStart, now).compareTo(delay) < 0) {
      run.add(new Recommendation(now, desired, qps));
      Reason waiting = up ? Reason.UPSCALE_DELAY : Reason.DOWNSCALE_DELAY;
      return Decision.hold(waiting, target, seen, desired, state.withRecommendations(run));
    }
    return move(group, target, desired, seen, reset);
  }

  /** Scale-from-zero fast path: at least one replica at once, bypassing the delays. */
  private static Decision coldStart(
      GroupSnapshot group, int target, double qps, OptionalDouble seen, ScalerState reset) {
    int wanted = qps > 0 ? Math.max(1, target) : target;
    if (wanted == target) {
      return Decision.hold(Reason.OPTIMAL_INSTANCE_COUNT_REACHED, target, seen, wanted, reset);
    }
    int bounded = Math.min(group.maxInstances(), wanted);
    if (bounded <= target) {
      return Decision.hold(Reason.AT_ASG_MAX_CAPACITY, target, seen, wanted, reset);
    }
    return new Decision(
        Action.SCALE_UP,
        Reason.COLD_START,
        target,
        bounded,
        seen,
        wanted,
        Duration.ZERO,
        bounded != wanted,
        reset);
  }

  private static Decision move(
      GroupSnapshot group, int target, int desired, OptionalDouble seen, ScalerState reset) {
    boolean up = desired > target;
    int bounded = Math.max(group.minInstances(), Math.min(group.maxInstances(), desired));
    if (up ? bounded <= target : bounded >= target) {
      Reason bound = up ? Reason.AT_ASG_MAX_CAPACITY : Reason.AT_ASG_MIN_CAPACITY;
      return Decision.hold(bound, target, seen, desired, reset);
    }
    return new Decision(
        up ? Action.SCALE_UP : Action.SCALE_DOWN,
        up ? Reason.DYNAMIC_SCALING_SCALE_UP : Reason.DYNAMIC_SCALING_SCALE_DOWN,
        target,
        bounded,
        seen,
        desired,
        Duration.ZERO,
        bounded != desired,
        reset);
  }

  /** The stored run if it points the same way as this decision, else a fresh (empty) one. */
  private static List<Recommendation> continueRun(
      List<Recommendation> stored, int target, boolean up) {
    List<Recommendation> run = new ArrayList<>(stored.size() + 1);
    for (Recommendation r : stored) {
      if (up ? r.desired() <= target : r.desired() >= target) {
        return new ArrayList<>();
      }
      run.add(r);
    }
    return run;
  }

  /** The mean of the points within the look-back period before the newest point. */
  private static double lookBackMean(List<MetricPoint> points) {
    Instant newest = points.get(points.size() - 1).timestamp();
    Instant from = newest.minus(LOOK_BACK);
    double sum = 0;
    int count = 0;
    for (MetricPoint p : points) {
      if (!p.timestamp().isBefore(from)) {
        sum += p.qps();
        count++;
      }
    }
    return sum / count;
  }
}
