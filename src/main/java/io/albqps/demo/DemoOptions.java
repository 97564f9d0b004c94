package io.albqps.demo;

import io.albqps.config.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * How the demo runs: each simulated user's QPS, the instances' boot time, whether four staggered
 * copies run instead of one, how long to run, the function's settings and the preset they came
 * from, and the group's maximum.
 *
 * @param preset the {@code SCALING_PRESET} the settings were built from, shown in the summary
 */
public record DemoOptions(
    double qpsPerUser,
    Duration bootTime,
    boolean staggered,
    Duration length,
    Settings settings,
    String preset,
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
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(preset, "preset");
    if (maxInstances < 1 || maxInstances > 2000) {
      throw new IllegalArgumentException(
          "--max-instances must be in [1, 2000], got " + maxInstances);
    }
  }
}
