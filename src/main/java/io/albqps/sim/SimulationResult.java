package io.albqps.sim;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A finished run: the load and demand per step, and one {@link PolicyRun} per policy asked for, in
 * the order asked. The arrays are shared, not copied; callers must not change them.
 */
public final class SimulationResult {
  private final String label;
  private final ClusterModel cluster;
  private final Instant epoch;
  private final double[] qps;
  private final int[] demand;
  private final List<PolicyRun> runs;
  private final double oracleGpuHours;

  SimulationResult(
      String label,
      ClusterModel cluster,
      Instant epoch,
      double[] qps,
      int[] demand,
      List<PolicyRun> runs,
      double oracleGpuHours) {
    this.label = Objects.requireNonNull(label, "label");
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.epoch = Objects.requireNonNull(epoch, "epoch");
    this.qps = qps;
    this.demand = demand;
    this.runs = List.copyOf(runs);
    this.oracleGpuHours = oracleGpuHours;
  }

  /** What was simulated, e.g. the trace's file name or the scenario's name. */
  public String label() {
    return label;
  }

  public ClusterModel cluster() {
    return cluster;
  }

  public Instant epoch() {
    return epoch;
  }

  public int steps() {
    return qps.length;
  }

  public long stepSeconds() {
    return cluster.stepSeconds();
  }

  /** True mean QPS of each step. */
  public double[] qps() {
    return qps;
  }

  /** Instances each step needs within the SLO. */
  public int[] demand() {
    return demand;
  }

  public List<PolicyRun> runs() {
    return runs;
  }

  /** The run of {@code name}; an error naming the policies run when there is none. */
  public PolicyRun run(String name) {
    return runs.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no policy '"
                        + name
                        + "' in this run; ran "
                        + runs.stream().map(PolicyRun::name).toList()));
  }

  /** The oracle's GPU-hours on this run (computed even when the oracle is not shown). */
  public double oracleGpuHours() {
    return oracleGpuHours;
  }
}
