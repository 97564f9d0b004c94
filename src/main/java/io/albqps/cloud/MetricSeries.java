package io.albqps.cloud;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The QPS points CloudMonitor returned for one window, sorted by time, and the period it was asked
 * for. An empty list means no data (empty {@code DataPoints} or no {@code MetricDataResults}),
 * never zero load.
 */
public record MetricSeries(Duration period, List<Point> points) {
  public MetricSeries {
    Objects.requireNonNull(period, "period");
    points = points.stream().sorted(java.util.Comparator.comparing(Point::timestamp)).toList();
  }

  /** One data point: Unix-second timestamp from the API, and its value in requests per second. */
  public record Point(Instant timestamp, double value) {
    public Point {
      Objects.requireNonNull(timestamp, "timestamp");
    }
  }
}
