package io.albqps.function;

import io.albqps.engine.Policy;
import java.time.Duration;
import java.util.Objects;

/**
 * How the demo runs: each simulated user's QPS, the instances' boot time, whether four staggered
 * copies run instead of one, how long to run, and the policy and look-back window the function
 * uses.
 */
public record DemoOptions(
    double qpsPerUser,
    Duration bootTime,
    boolean staggered,
    Duration length,
    Policy policy,
    Duration metricPeriod,
    int maxInstances) {

  public DemoOptions {
    if (!(qpsPerUser > 0) || !Double.isFinite(qpsPerUser)) {
      throw new IllegalArgumentException("--qps-per-user must be > 0, got " + qpsPerUser);
    }
    Objects.requireNonNull(bootTime, "bootTime");
    if (bootTime.isNegative() || bootTime.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("--boot-seconds must be in [0, 3600], got " + bootTime);
    }
    Objects.requireNonNull(length, "length");
    if (length.toMinutes() < 1 || length.toMinutes() > 24 * 60) {
      throw new IllegalArgumentException("--minutes must be in [1, 1440], got " + length);
    }
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(metricPeriod, "metricPeriod");
    if (maxInstances < 1 || maxInstances > 2000) {
      throw new IllegalArgumentException(
          "--max-instances must be in [1, 2000], got " + maxInstances);
    }
  }

  /** The defaults of {@code demo}: 10 QPS per user, 180 s boot, one copy, 25 minutes. */
  public static DemoOptions defaults() {
    return new DemoOptions(
        10,
        Duration.ofSeconds(180),
        false,
        Duration.ofMinutes(25),
        Policy.defaults(),
        Duration.ofSeconds(120),
        20);
  }
}
