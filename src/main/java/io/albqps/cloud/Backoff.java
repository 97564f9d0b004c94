package io.albqps.cloud;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * the n-th retry waits a uniform random time in {@code [0, min(cap, base × 2^n)]}, so throttled
 * copies of the function spread out instead of retrying in step.
 */
record Backoff(Duration base, Duration cap) {
  static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

  Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    if (base.toMillis() < 1) {
      throw new IllegalArgumentException("backoff base must be at least 1 ms, got " + base);
    }
    if (cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff cap " + cap + " is below the base " + base);
    }
  }

  /** The longest wait before retry number {@code retry} (0 for the first retry). */
  Duration ceiling(int retry) {
    if (retry < 0) {
      throw new IllegalArgumentException("retry must be >= 0, got " + retry);
    }
    long baseMillis = base.toMillis();
    // base × 2^retry > cap exactly when base > floor(cap / 2^retry); no shift can overflow.
    if (retry >= 63 || baseMillis > (cap.toMillis() >> retry)) {
      return Duration.ofMillis(cap.toMillis());
    }
    return Duration.ofMillis(baseMillis << retry);
  }

  /** A random wait in {@code [0, ceiling(retry)]}. */
  Duration delay(int retry, RandomGenerator random) {
    return Duration.ofMillis(random.nextLong(ceiling(retry).toMillis() + 1));
  }
}
