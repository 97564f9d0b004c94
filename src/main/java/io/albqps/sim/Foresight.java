package io.albqps.sim;

import java.time.Instant;
import java.util.Objects;

/**
 * What only the oracle may know: the true demand at every step and the longest boot time. Sources
 * that stand for a real autoscaler ignore it.
 */
public final class Foresight {
  private final int[] demand;
  private final ClusterModel cluster;
  private final long maxBootSeconds;
  private final Instant epoch;

  Foresight(int[] demand, ClusterModel cluster, long maxBootSeconds, Instant epoch) {
    if (demand.length == 0) {
      throw new IllegalArgumentException("a run needs at least one step");
    }
    this.demand = demand.clone();
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.maxBootSeconds = maxBootSeconds;
    this.epoch = Objects.requireNonNull(epoch, "epoch");
  }

  /** The simulated time of step 0. */
  public Instant epoch() {
    return epoch;
  }

  /** Instances needed at step {@code i}; past the end, the last step's. */
  public int demandAt(int i) {
    return demand[Math.min(Math.max(i, 0), demand.length - 1)];
  }

  public int steps() {
    return demand.length;
  }

  public ClusterModel cluster() {
    return cluster;
  }

  /** The longest time any launch takes to serve. */
  public long maxBootSeconds() {
    return maxBootSeconds;
  }
}
