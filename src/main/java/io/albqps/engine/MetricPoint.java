package io.albqps.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * One CloudMonitor data point: the ALB's requests per second over the period starting at {@code
 * timestamp}.
 */
public record MetricPoint(Instant timestamp, double qps) {
  public MetricPoint {
    Objects.requireNonNull(timestamp, "timestamp");
    if (!Double.isFinite(qps) || qps < 0) {
      throw new IllegalArgumentException("qps must be a finite number >= 0, got " + qps);
    }
  }
}
