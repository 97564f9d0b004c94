package io.albqps.cloud;

import java.time.Instant;

/** Reads the ALB's QPS; CloudMonitor in production, a model in the simulator. */
public interface MetricsSource {

  /**
   * The QPS points in {@code [start, end]}; the period is chosen from the window length as the
   * original solution does (&le;30 s: 15s, &le;2 min: 30s, &le;10 min: 1m, else 5m).
   */
  MetricSeries qps(Instant start, Instant end) throws ApiException;
}
