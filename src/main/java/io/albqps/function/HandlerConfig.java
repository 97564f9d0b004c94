package io.albqps.function;

import io.albqps.engine.Policy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the handler needs from the settings, validated: the group, the policy, the look-back window,
 * dry-run mode, the timer's initial delay and the alert threshold for repeated errors.
 *
 * @param metricPeriod the QPS look-back window ({@code METRIC_PERIOD})
 * @param initialDelay slept before a timer-triggered evaluation ({@code INITIAL_DELAY_SECONDS})
 * @param alertAfterConsecutiveErrors alert when this many evaluations in a row have failed
 * @param warnings settings warnings, reported by the validation event
 */
public record HandlerConfig(
    String scalingGroupId,
    String albId,
    Policy policy,
    Duration metricPeriod,
    boolean dryRun,
    Duration initialDelay,
    int alertAfterConsecutiveErrors,
    List<String> warnings) {

  public HandlerConfig {
    if (scalingGroupId == null || scalingGroupId.isBlank()) {
      throw new IllegalArgumentException("scalingGroupId is empty");
    }
    Objects.requireNonNull(albId, "albId");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(metricPeriod, "metricPeriod");
    if (metricPeriod.toSeconds() < 10) {
      throw new IllegalArgumentException("metricPeriod must be >= 10 s, got " + metricPeriod);
    }
    Objects.requireNonNull(initialDelay, "initialDelay");
    if (initialDelay.isNegative()) {
      throw new IllegalArgumentException("initialDelay must be >= 0, got " + initialDelay);
    }
    if (alertAfterConsecutiveErrors < 1) {
      throw new IllegalArgumentException(
          "alertAfterConsecutiveErrors must be >= 1, got " + alertAfterConsecutiveErrors);
    }
    warnings = List.copyOf(warnings);
  }

  /** A configuration with the defaults of DESIGN §3 for everything but the ids and the policy. */
  public static HandlerConfig of(String scalingGroupId, String albId, Policy policy) {
    return new HandlerConfig(
        scalingGroupId, albId, policy, Duration.ofSeconds(300), false, Duration.ZERO, 3, List.of());
  }

  public HandlerConfig withDryRun(boolean value) {
    return new HandlerConfig(
        scalingGroupId,
        albId,
        policy,
        metricPeriod,
        value,
        initialDelay,
        alertAfterConsecutiveErrors,
        warnings);
  }

  public HandlerConfig withMetricPeriod(Duration value) {
    return new HandlerConfig(
        scalingGroupId,
        albId,
        policy,
        value,
        dryRun,
        initialDelay,
        alertAfterConsecutiveErrors,
        warnings);
  }

  public HandlerConfig withInitialDelay(Duration value) {
    return new HandlerConfig(
        scalingGroupId,
        albId,
        policy,
        metricPeriod,
        dryRun,
        value,
        alertAfterConsecutiveErrors,
        warnings);
  }

  /** The instance listing is read only when the policy uses it: warm-up or panic mode. */
  public boolean needsInstanceListing() {
    return !policy.instanceWarmup().isZero() || policy.panicEnabled();
  }
}
