package io.albqps.traffic;

import java.time.Duration;
import java.util.Objects;

/**
 * A load profile with every rate multiplied by a factor: {@code --scale} for any trace or scenario.
 */
public record ScaledProfile(LoadProfile base, double factor) implements LoadProfile {
  public ScaledProfile {
    Objects.requireNonNull(base, "base");
    if (!(factor > 0) || !Double.isFinite(factor)) {
      throw new IllegalArgumentException("scale must be a finite number > 0, got " + factor);
    }
  }

  /** {@code base} scaled by {@code factor}; the profile itself when the factor is 1. */
  public static LoadProfile of(LoadProfile base, double factor) {
    ScaledProfile scaled = new ScaledProfile(base, factor);
    return factor == 1.0 ? base : scaled;
  }

  @Override
  public double qpsAt(Duration sinceStart) {
    return base.qpsAt(sinceStart) * factor;
  }

  @Override
  public Duration length() {
    return base.length();
  }

  @Override
  public double meanQps(Duration from, Duration span) {
    return base.meanQps(from, span) * factor;
  }
}
