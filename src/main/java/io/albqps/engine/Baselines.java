package io.albqps.engine;

import java.time.Duration;
import java.util.List;

/**
 * The reference policies the simulator runs beside ours, by name, so that a claim like "fewer flaps
 * than HPA" is measured on the same observations (DESIGN §4, reference/autoscaling-anchors.md
 * §1–§3). The {@code oracle} needs the future and lives in the simulator.
 */
public final class Baselines {
  /** The names {@link #byName} accepts. */
  public static final List<String> NAMES = List.of("original", "hpa", "ray", "aws-target-tracking");

  private Baselines() {}

  /** The baseline called {@code name}, sized for {@code targetQpsPerInstance}. */
  public static Autoscaler byName(String name, double targetQpsPerInstance) {
    return switch (name) {
      case "original" -> original(targetQpsPerInstance);
      case "hpa" -> hpa(targetQpsPerInstance);
      case "ray" -> ray(targetQpsPerInstance);
      case "aws-target-tracking" -> awsTargetTracking(targetQpsPerInstance);
      default ->
          throw new IllegalArgumentException(
              "unknown baseline '" + name + "': expected one of " + String.join(", ", NAMES));
    };
  }

  /**
   * The original Python solution (reference/byteplus-api.md §6): our engine with {@link
   * #legacyPolicy}.
   */
  public static Autoscaler original(double targetQpsPerInstance) {
    return new PolicyAutoscaler("original", legacyPolicy(targetQpsPerInstance));
  }

  /** Kubernetes HPA defaults on an AverageValue external metric. */
  public static Autoscaler hpa(double targetQpsPerInstance) {
    return HpaBaseline.of(targetQpsPerInstance);
  }

  /** Ray Serve's default policy. */
  public static Autoscaler ray(double targetQpsPerInstance) {
    return RayServeBaseline.of(targetQpsPerInstance);
  }

  /** AWS EC2 Auto Scaling target tracking. */
  public static Autoscaler awsTargetTracking(double targetQpsPerInstance) {
    return AwsTargetTrackingBaseline.of(targetQpsPerInstance);
  }

  /** The original solution's behaviour at {@code targetQpsPerInstance}: see {@link #legacy}. */
  public static Policy legacyPolicy(double targetQpsPerInstance) {
    return legacy().targetQpsPerInstance(targetQpsPerInstance).build();
  }

  /**
   * A builder holding the original solution's rules (the {@code legacy} preset): dynamic mode,
   * thresholds 0.8/0.6, steps 1/1, no per-action caps, cooldowns 300/600/180 s, and none of the
   * additions (tolerance 0, delays 0, factors 1, mean statistic, warm-up 0, panic off, prediction
   * off). Staleness keeps the builder's default; callers set what the environment sets.
   */
  public static Policy.Builder legacy() {
    return Policy.builder()
        .dynamicScaling(true)
        .scaleUpThreshold(0.8)
        .scaleDownThreshold(0.6)
        .scaleUpIncrement(1)
        .scaleDownDecrement(1)
        .maxScaleUpPerAction(0)
        .maxScaleDownPerAction(0)
        .scaleUpCooldown(Duration.ofSeconds(300))
        .scaleDownCooldown(Duration.ofSeconds(600))
        .generalCooldown(Duration.ofSeconds(180))
        .scaleTolerance(0)
        .upscaleDelay(Duration.ZERO)
        .downscaleDelay(Duration.ZERO)
        .upscalingFactor(1.0)
        .downscalingFactor(1.0)
        .qpsStatistic(QpsStatistic.MEAN)
        .instanceWarmup(Duration.ZERO)
        .panicThreshold(0)
        .predictiveHorizon(Duration.ZERO);
  }

  static void checkTarget(double targetQpsPerInstance) {
    if (!(targetQpsPerInstance > 0) || !Double.isFinite(targetQpsPerInstance)) {
      throw new IllegalArgumentException(
          "targetQpsPerInstance must be a finite number > 0, got " + targetQpsPerInstance);
    }
  }
}
