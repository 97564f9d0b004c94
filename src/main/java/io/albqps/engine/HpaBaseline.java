package io.albqps.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The Kubernetes Horizontal Pod Autoscaler with its defaults, driven the way KEDA drives it (an
 * External metric of type AverageValue), for side-by-side comparison. Source: kubernetes/kubernetes
 * {@code pkg/controller/podautoscaler/replica_calculator.go} ({@code
 * GetExternalPerPodMetricReplicas}: hold while |total / (target × replicas) − 1| ≤ 0.1, else {@code
 * ceil(total / target)}) and {@code horizontal.go} ({@code stabilizeRecommendationWithBehaviors}:
 * scale-down follows the maximum recommendation of the last 300 s; scale-up at most {@code max(2 ×
 * current, current + 4)} per 15 s period), as summarised in reference/autoscaling-anchors.md §1.
 *
 * <p>The metric value is the newest point, as an HPA reads the current value. Each decision is
 * treated as its own 15 s rate period (the function evaluates every 15 s or slower). Like the HPA
 * when some metrics fail, it scales up on a partial window but never down.
 */
record HpaBaseline(double targetQpsPerInstance) implements Autoscaler {
  static final double TOLERANCE = 0.1;
  static final Duration DOWNSCALE_STABILIZATION = Duration.ofSeconds(300);
  static final int SCALE_UP_LIMIT_PODS = 4;
  static final double SCALE_UP_LIMIT_FACTOR = 2.0;

  HpaBaseline {
    Baselines.checkTarget(targetQpsPerInstance);
  }

  static HpaBaseline of(double targetQpsPerInstance) {
    return new HpaBaseline(targetQpsPerInstance);
  }

  @Override
  public String name() {
    return "hpa";
  }

  @Override
  public Decision decide(Observation obs, ScalerState state, Instant now) {
    GroupSnapshot group = obs.group();
    int current = group.desiredInstances();
    Optional<Reason> blocked = Guards.groupBlock(group, obs.activityInProgress());
    if (blocked.isPresent()) {
      return Decision.hold(blocked.get(), current, OptionalDouble.empty(), current, state);
    }
    if (Guards.metricsUnavailable(obs, Guards.defaultStaleAfter(obs), now)) {
      return Decision.hold(
          Reason.METRICS_UNAVAILABLE, current, OptionalDouble.empty(), current, state);
    }
    double qps = obs.points().get(obs.points().size() - 1).qps();
    OptionalDouble seen = OptionalDouble.of(qps);
    int proposal = propose(qps, current);
    List<Recommendation> history = record(state.recommendations(), now, proposal, qps);
    ScalerState next = state.withRecommendations(history);
    int stabilized = stabilize(history, current, proposal);
    if (stabilized == current) {
      return Decision.hold(holdReason(qps, current, proposal), current, seen, proposal, next);
    }
    boolean up = stabilized > current;
    if (!up && Guards.metricsPartial(obs)) {
      return Decision.hold(Reason.METRICS_PARTIAL, current, seen, proposal, next);
    }
    int bounded = Math.max(group.minInstances(), Math.min(group.maxInstances(), stabilized));
    if (up ? bounded <= current : bounded >= current) {
      Reason bound = up ? Reason.AT_ASG_MAX_CAPACITY : Reason.AT_ASG_MIN_CAPACITY;
      return Decision.hold(bound, current, seen, proposal, next);
    }
    int upLimit = scaleUpLimit(current);
    boolean capped = up && bounded > upLimit;
    int newDesired = capped ? upLimit : bounded;
    Reason reason =
        up
            ? (capped ? Reason.DYNAMIC_SCALING_LIMITED_SCALE_UP : Reason.DYNAMIC_SCALING_SCALE_UP)
            : Reason.DYNAMIC_SCALING_SCALE_DOWN;
    Action action = up ? Action.SCALE_UP : Action.SCALE_DOWN;
    return new Decision(
        action,
        reason,
        current,
        newDesired,
        seen,
        proposal,
        Duration.ZERO,
        capped || bounded != stabilized,
        next);
  }

  /** The AverageValue rule: the replica count is independent of how many are ready. */
  private int propose(double qps, int current) {
    if (current > 0) {
      double ratio = qps / (targetQpsPerInstance * current);
      if (Math.abs(ratio - 1) <= TOLERANCE) {
        return current;
      }
    }
    return ScalingEngine.ceilToInt(qps / targetQpsPerInstance);
  }

  /** Keeps the recommendations of the last 300 s, as the HPA does, and adds this one. */
  private static List<Recommendation> record(
      List<Recommendation> history, Instant now, int proposal, double qps) {
    Instant cutoff = now.minus(DOWNSCALE_STABILIZATION);
    List<Recommendation> kept = new ArrayList<>(history.size() + 1);
    for (Recommendation r : history) {
      if (r.at().isAfter(cutoff)) {
        kept.add(r);
      }
    }
    kept.add(new Recommendation(now, proposal, qps));
    return kept;
  }

  /** Up follows the proposal at once (window 0); down follows the window's maximum. */
  private static int stabilize(List<Recommendation> history, int current, int proposal) {
    int downRecommendation = proposal;
    for (Recommendation r : history) {
      downRecommendation = Math.max(downRecommendation, r.desired());
    }
    int recommendation = current;
    if (recommendation < proposal) {
      recommendation = proposal;
    }
    if (recommendation > downRecommendation) {
      recommendation = downRecommendation;
    }
    return recommendation;
  }

  /** Defaults {@code Percent 100 / 15 s} and {@code Pods 4 / 15 s} with selectPolicy Max. */
  static int scaleUpLimit(int current) {
    long doubled = (long) Math.ceil(current * SCALE_UP_LIMIT_FACTOR);
    long plusPods = (long) current + SCALE_UP_LIMIT_PODS;
    return (int) Math.min(Integer.MAX_VALUE - 1, Math.max(doubled, plusPods));
  }

  private Reason holdReason(double qps, int current, int proposal) {
    if (proposal < current) {
      return Reason.DOWNSCALE_DELAY;
    }
    boolean bandHeld = ScalingEngine.ceilToInt(qps / targetQpsPerInstance) != current;
    return bandHeld ? Reason.WITHIN_TOLERANCE : Reason.OPTIMAL_INSTANCE_COUNT_REACHED;
  }
}
