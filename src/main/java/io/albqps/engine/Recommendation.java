package io.albqps.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * One past recommendation, kept in the state so that stabilization windows (and the baselines'
 * delays) can look back: the capacity recommended at {@code at}, and the QPS it was computed from.
 */
public record Recommendation(Instant at, int desired, double qps) {
  public Recommendation {
    Objects.requireNonNull(at, "at");
    if (desired < 0) {
      throw new IllegalArgumentException("desired must be >= 0, got " + desired);
    }
    if (!Double.isFinite(qps) || qps < 0) {
      throw new IllegalArgumentException("qps must be a finite number >= 0, got " + qps);
    }
  }
}
