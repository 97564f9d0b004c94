package io.albqps.engine;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything one evaluation saw: the QPS points of the look-back {@code window} at {@code
 * pointInterval} spacing (sorted by time), the group, and whether a scaling activity is in
 * progress. An empty point list means CloudMonitor returned no data, never zero load.
 */
public record Observation(
    List<MetricPoint> points,
    Duration window,
    Duration pointInterval,
    GroupSnapshot group,
    boolean activityInProgress) {

  public Observation {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(pointInterval, "pointInterval");
    Objects.requireNonNull(group, "group");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
    if (pointInterval.isNegative() || pointInterval.isZero()) {
      throw new IllegalArgumentException("pointInterval must be positive, got " + pointInterval);
    }
    points = points.stream().sorted(Comparator.comparing(MetricPoint::timestamp)).toList();
  }

  /** How many points a complete window holds. */
  public int expectedPoints() {
    return (int) Math.max(1, window.toSeconds() / Math.max(1, pointInterval.toSeconds()));
  }
}
