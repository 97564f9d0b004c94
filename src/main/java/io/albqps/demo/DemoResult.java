package io.albqps.demo;

import io.albqps.sim.ElasticityMetrics;
import io.albqps.sim.SimulationResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the demo saw: one row per invocation of the function, and the simulator's result of the run
 * (curves and elasticity metrics of our policy), from which the summary and the charts are drawn.
 */
public record DemoResult(DemoOptions options, List<Row> rows, SimulationResult simulation) {
  public DemoResult {
    Objects.requireNonNull(options, "options");
    rows = List.copyOf(rows);
    Objects.requireNonNull(simulation, "simulation");
  }

  /**
   * One invocation: when, which copy, the true load, the QPS the function computed from
   * CloudMonitor's points (NaN without data), the desired capacity after it, the InService
   * instances it saw, and its action and reason.
   */
  public record Row(
      Duration at,
      int copy,
      double loadQps,
      double seenQps,
      int desired,
      int inService,
      String action,
      String reason) {}

  public long scaleUps() {
    return rows.stream().filter(r -> r.action().equals("scale_up")).count();
  }

  public long scaleDowns() {
    return rows.stream().filter(r -> r.action().equals("scale_down")).count();
  }

  /** The largest desired capacity the function set. */
  public int maxInstances() {
    int max = 0;
    for (int d : simulation.run("ours").desired()) {
      max = Math.max(max, d);
    }
    return max;
  }

  /** Our policy's elasticity metrics on the run. */
  public ElasticityMetrics metrics() {
    return simulation.run("ours").metrics();
  }
}
