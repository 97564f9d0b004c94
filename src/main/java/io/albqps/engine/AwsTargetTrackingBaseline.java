package io.albqps.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An emulation of AWS EC2 Auto Scaling target tracking on a requests-per-target metric, for
 * side-by-side comparison. Source: AWS docs as-scaling-target-tracking.html,
 * ec2-auto-scaling-default-instance-warmup.html and ECS service-autoscaling-targettracking.html,
 * summarised in reference/autoscaling-anchors.md §3 (the exact formula is not published).
 *
 * <ul>
 *   <li>Scale-out is proportional and immediate: when the newest point per InService instance is
 *       above target, desired becomes {@code ceil(qps / target)}; warming instances are left out of
 *       the metric but count as capacity, so repeated breaches do not stack.
 *   <li>Scale-in needs the metric at least 10 % below target at every evaluation for 15 minutes
 *       (the scale-in alarm's 15 datapoints in 15 minutes), waits while any instance warms up
 *       (default cooldown 300 s as warm-up), and removes only what keeps the metric below target:
 *       {@code floor(qps / target) + 1}.
 *   <li>Insufficient data is never low utilisation: missing or partial data resets the scale-in run
 *       and never scales in.
 * </ul>
 *
 * The state's history holds the current run of low evaluations, cleared on any other outcome.
 */
record AwsTargetTrackingBaseline(double targetQpsPerInstance) implements Autoscaler {
  static final double SCALE_IN_RATIO = 0.9;
  static final Duration SCALE_IN_PERIOD = Duration.ofMinutes(15);
  static final Duration WARMUP = Duration.ofSeconds(300);

  AwsTargetTrackingBaseline {
    Baselines.checkTarget(targetQpsPerInstance);
  }

  static AwsTargetTrackingBaseline of(double targetQpsPerInstance) {
    return new AwsTargetTrackingBaseline(targetQpsPerInstance);
  }

  @Override
  public String name() {
    return "aws-target-tracking";
  }

  @Override
  public Decision decide(Observation obs, ScalerState state, Instant now) {
    GroupSnapshot group = obs.group();
    int current = group.desiredInstances();
    Optional<Reason> blocked = Guards.groupBlock(group, obs.activityInProgress());
    if (blocked.isPresent()) {
      return Decision.hold(blocked.get(), current, OptionalDouble.empty(), current, state);
    }
    ScalerState reset = state.withRecommendations(List.of());
    if (Guards.metricsUnavailable(obs, Guards.defaultStaleAfter(obs), now)) {
      return Decision.hold(
          Reason.METRICS_UNAVAILABLE, current, OptionalDouble.empty(), current, reset);
    }
    double qps = obs.points().get(obs.points().size() - 1).qps();
    OptionalDouble seen = OptionalDouble.of(qps);
    int serving = group.inServiceInstances();
    int needed = ScalingEngine.ceilToInt(qps / targetQpsPerInstance);
    boolean breach = serving == 0 ? qps > 0 : qps > targetQpsPerInstance * serving;
    if (breach) {
      return scaleOut(group, current, needed, seen, reset);
    }
    boolean low = serving > 0 && qps <= SCALE_IN_RATIO * targetQpsPerInstance * serving;
    if (!low || current == 0) {
      return Decision.hold(Reason.WITHIN_TOLERANCE, current, seen, current, reset);
    }
    if (Guards.metricsPartial(obs)) {
      return Decision.hold(Reason.METRICS_PARTIAL, current, seen, current, reset);
    }
    List<Recommendation> run = new ArrayList<>(state.recommendations());
    run.add(new Recommendation(now, current, qps));
    ScalerState next = state.withRecommendations(run);
    int keepsBelowTarget =
        (int) Math.min(Integer.MAX_VALUE - 1, Math.floor(qps / targetQpsPerInstance) + 1);
    if (Duration.between(run.get(0).at(), now).compareTo(SCALE_IN_PERIOD) < 0) {
      return Decision.hold(Reason.DOWNSCALE_DELAY, current, seen, keepsBelowTarget, next);
    }
    return scaleIn(group, current, keepsBelowTarget, seen, next, reset, now);
  }

  private static Decision scaleOut(
      GroupSnapshot group, int current, int needed, OptionalDouble seen, ScalerState reset) {
    if (needed <= current) {
      return Decision.hold(Reason.OPTIMAL_INSTANCE_COUNT_REACHED, current, seen, needed, reset);
    }
    int bounded = Math.min(group.maxInstances(), needed);
    if (bounded <= current) {
      return Decision.hold(Reason.AT_ASG_MAX_CAPACITY, current, seen, needed, reset);
    }
    return new Decision(
        Action.SCALE_UP,
        Reason.DYNAMIC_SCALING_SCALE_UP,
        current,
        bounded,
        seen,
        needed,
        Duration.ZERO,
        bounded != needed,
        reset);
  }

  private static Decision scaleIn(
      GroupSnapshot group,
      int current,
      int keepsBelowTarget,
      OptionalDouble seen,
      ScalerState next,
      ScalerState reset,
      Instant now) {
    if (keepsBelowTarget >= current) {
      return Decision.hold(
          Reason.OPTIMAL_INSTANCE_COUNT_REACHED, current, seen, keepsBelowTarget, next);
    }
    int bounded = Math.max(group.minInstances(), keepsBelowTarget);
    if (bounded >= current) {
      return Decision.hold(Reason.AT_ASG_MIN_CAPACITY, current, seen, keepsBelowTarget, next);
    }
    if (Guards.instancesWarming(group, WARMUP, now)) {
      return Decision.hold(Reason.INSTANCES_WARMING_UP, current, seen, keepsBelowTarget, next);
    }
    return new Decision(
        Action.SCALE_DOWN,
        Reason.DYNAMIC_SCALING_SCALE_DOWN,
        current,
        bounded,
        seen,
        keepsBelowTarget,
        Duration.ZERO,
        bounded != keepsBelowTarget,
        reset);
  }
}
