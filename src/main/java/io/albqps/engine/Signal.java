package io.albqps.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the points of the look-back window into one QPS figure (DESIGN §4 step 3): the chosen
 * statistic, optionally raised by a least-squares trend extrapolated over a horizon. Loops rather
 * than streams, because the engine runs it on every evaluation and every simulated tick.
 */
final class Signal {
  private Signal() {}

  /** The statistic of the points' QPS; the points must not be empty. */
  static double statistic(QpsStatistic statistic, List<MetricPoint> points) {
    int n = points.size();
    if (n == 0) {
      throw new IllegalArgumentException("points must not be empty");
    }
    return switch (statistic) {
      case MEAN -> mean(points);
      case MAX -> max(points);
      case LATEST -> points.get(n - 1).qps();
      case P90 -> p90(points);
    };
  }

  /**
   * The statistic, raised to the QPS the window's trend reaches {@code horizon} ahead when that is
   * higher: {@code max(qps, qps + slope × horizon)}, at most {@code maxRatio × qps} when {@code
   * maxRatio} is not 0. Only a sustained rise is extrapolated: with {@code minRises} above 0, each
   * of the window's last {@code minRises} point-to-point changes must be a rise. A falling trend
   * never lowers the figure.
   */
  static double withPrediction(
      QpsStatistic statistic,
      List<MetricPoint> points,
      Duration horizon,
      double maxRatio,
      int minRises) {
    double qps = statistic(statistic, points);
    if (horizon.isZero() || points.size() < 2 || !risingFor(points, minRises)) {
      return qps;
    }
    double predicted = qps + slopePerSecond(points) * horizon.toSeconds();
    if (maxRatio > 0) {
      predicted = Math.min(predicted, maxRatio * qps);
    }
    return Math.max(qps, predicted);
  }

  /**
   * Whether each of the last {@code rises} point-to-point changes is a rise; always for 0, never
   * when the window has fewer changes than that.
   */
  static boolean risingFor(List<MetricPoint> points, int rises) {
    int n = points.size();
    if (rises >= n) {
      return false;
    }
    for (int i = n - rises; i < n; i++) {
      if (points.get(i).qps() <= points.get(i - 1).qps()) {
        return false;
      }
    }
    return true;
  }

  /** Least-squares slope of QPS against time, in QPS per second; 0 for fewer than two instants. */
  static double slopePerSecond(List<MetricPoint> points) {
    int n = points.size();
    if (n < 2) {
      return 0;
    }
    Instant origin = points.get(0).timestamp();
    double sumX = 0;
    double sumY = 0;
    for (MetricPoint p : points) {
      sumX += secondsSince(origin, p.timestamp());
      sumY += p.qps();
    }
    double meanX = sumX / n;
    double meanY = sumY / n;
    double covariance = 0;
    double variance = 0;
    for (MetricPoint p : points) {
      double dx = secondsSince(origin, p.timestamp()) - meanX;
      covariance += dx * (p.qps() - meanY);
      variance += dx * dx;
    }
    return variance == 0 ? 0 : covariance / variance;
  }

  private static double secondsSince(Instant origin, Instant at) {
    return (at.getEpochSecond() - origin.getEpochSecond())
        + (at.getNano() - origin.getNano()) / 1e9;
  }

  private static double mean(List<MetricPoint> points) {
    double sum = 0;
    for (MetricPoint p : points) {
      sum += p.qps();
    }
    return sum / points.size();
  }

  private static double max(List<MetricPoint> points) {
    double max = 0;
    for (MetricPoint p : points) {
      max = Math.max(max, p.qps());
    }
    return max;
  }

  /** Nearest-rank 90th percentile: the value at rank ceil(0.9 n) of the sorted values. */
  private static double p90(List<MetricPoint> points) {
    int n = points.size();
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = points.get(i).qps();
    }
    Arrays.sort(values);
    int rank = (int) Math.ceil(0.9 * n);
    return values[Math.max(0, rank - 1)];
  }
}
