package io.albqps.function;

import java.time.Duration;
import java.util.List;

/**
 * What the demo saw: one row per invocation, and the fleet sampled every few seconds, with the
 * summary figures derived from them (actions, peak size, time under capacity, GPU-minutes).
 */
public record DemoResult(DemoOptions options, List<Row> rows, List<Sample> samples) {
  public DemoResult {
    rows = List.copyOf(rows);
    samples = List.copyOf(samples);
  }

  /**
   * One invocation: when, which copy, the true load, the QPS CloudMonitor reported to the function
   * (NaN without data), the group after it, and the function's action and reason.
   */
  public record Row(
      Duration at,
      int copy,
      double loadQps,
      double seenQps,
      int desired,
      int inService,
      String action,
      String reason,
      int statusCode) {}

  /** The fleet at one instant: the load, the instances it needs, and what the group has. */
  public record Sample(
      Duration at, double loadQps, int neededInstances, int desired, int total, int inService) {}

  public long scaleUps() {
    return rows.stream().filter(r -> r.action().equals("scale_up")).count();
  }

  public long scaleDowns() {
    return rows.stream().filter(r -> r.action().equals("scale_down")).count();
  }

  public long errors() {
    return rows.stream().filter(r -> r.statusCode() >= 500).count();
  }

  public int maxInstances() {
    return samples.stream().mapToInt(Sample::total).max().orElse(0);
  }

  /** Minutes during which InService instances were fewer than the load needs. */
  public double underCapacityMinutes() {
    return minutes(samples.stream().filter(s -> s.inService() < s.neededInstances()).count());
  }

  /** Instance-minutes paid for, booting instances included (a GPU bills while it boots). */
  public double gpuMinutes() {
    return minutes(samples.stream().mapToLong(Sample::total).sum());
  }

  /** Instance-minutes the load needed, at least: the ideal a perfect autoscaler would pay. */
  public double neededGpuMinutes() {
    return minutes(samples.stream().mapToLong(Sample::neededInstances).sum());
  }

  private double minutes(long sampleCount) {
    if (samples.size() < 2) {
      return 0;
    }
    double stepSeconds = (samples.get(1).at().toMillis() - samples.get(0).at().toMillis()) / 1000.0;
    return sampleCount * stepSeconds / 60.0;
  }
}
