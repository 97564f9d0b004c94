package io.albqps.sim;

import io.albqps.engine.MetricPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * CloudMonitor in the model, with the emulator's rules: one point per period, the mean QPS over
 * {@code [p, p + period)} rounded to three decimals, which appears {@code lag} after its period
 * ends. A query for the last {@code lookBack} returns the published points whose timestamp lies in
 * {@code [now - lookBack, now]}.
 */
final class MetricFeed {
  private final List<MetricPoint> points;
  private final long periodSeconds;
  private final long lagSeconds;
  private final Duration period;

  MetricFeed(double[] stepQps, ClusterModel cluster, Instant epoch) {
    long step = cluster.stepSeconds();
    this.period = cluster.cloudMonitorPeriod();
    this.periodSeconds = period.toSeconds();
    this.lagSeconds = cluster.ingestionLag().toSeconds();
    int stepsPerPoint = (int) (periodSeconds / step);
    int count = stepQps.length / stepsPerPoint;
    MetricPoint[] built = new MetricPoint[count];
    for (int k = 0; k < count; k++) {
      double sum = 0;
      for (int j = 0; j < stepsPerPoint; j++) {
        sum += stepQps[k * stepsPerPoint + j];
      }
      double mean = Math.round(sum / stepsPerPoint * 1000) / 1000.0;
      built[k] = new MetricPoint(epoch.plusSeconds(k * periodSeconds), mean);
    }
    this.points = Arrays.asList(built);
  }

  /** The points a query at {@code second} for the last {@code lookBack} returns. */
  List<MetricPoint> query(long second, Duration lookBack) {
    long newestStart = second - lagSeconds - periodSeconds;
    if (newestStart < 0) {
      return List.of();
    }
    int newest = (int) Math.min(points.size() - 1, newestStart / periodSeconds);
    long oldestStart = second - lookBack.toSeconds();
    int oldest = (int) Math.max(0, Math.floorDiv(oldestStart + periodSeconds - 1, periodSeconds));
    if (oldest > newest) {
      return List.of();
    }
    return points.subList(oldest, newest + 1);
  }

  Duration period() {
    return period;
  }
}
