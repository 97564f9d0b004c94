package io.albqps.sim;

import java.util.Arrays;

/**
 * Request-weighted waiting times on a log scale (about 2 % wide bins), with an exact bin for no
 * wait, so a run's latency quantiles cost a few kilobytes whatever its length.
 */
final class LatencyHistogram {
  private static final double BINS_PER_E = 50;

  private double noWait;
  private double[] bins = new double[512];
  private double total;

  void add(double waitMillis, double weight) {
    if (weight <= 0) {
      return;
    }
    total += weight;
    if (waitMillis <= 0) {
      noWait += weight;
      return;
    }
    int bin = (int) (Math.log1p(waitMillis) * BINS_PER_E);
    if (bin >= bins.length) {
      bins = Arrays.copyOf(bins, Math.max(bin + 1, bins.length * 2));
    }
    bins[bin] += weight;
  }

  /** The wait at quantile {@code q} in milliseconds (0 with no requests). */
  double quantile(double q) {
    double rank = q * total;
    double seen = noWait;
    if (total <= 0 || seen >= rank) {
      return 0;
    }
    for (int bin = 0; bin < bins.length; bin++) {
      seen += bins[bin];
      if (seen >= rank) {
        return Math.expm1((bin + 0.5) / BINS_PER_E);
      }
    }
    return Math.expm1(bins.length / BINS_PER_E);
  }
}
