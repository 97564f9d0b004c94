package io.albqps.sim;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The boot time of every launch, drawn once from the seed: the k-th instance any policy launches
 * boots as long as the k-th instance of any other, so policies are compared on equal luck.
 */
final class BootTimes {
  private final long baseSeconds;
  private final long spreadSeconds;
  private final SplittableRandom random;
  private long[] drawn = new long[64];
  private int count;

  BootTimes(ClusterModel cluster) {
    this.baseSeconds = cluster.bootTime().toSeconds();
    this.spreadSeconds = cluster.bootSpread().toSeconds();
    this.random = new SplittableRandom(cluster.seed());
  }

  /** Seconds from launch to InService of the launch numbered {@code k} (from 0). */
  long seconds(int k) {
    while (count <= k) {
      if (count == drawn.length) {
        drawn = Arrays.copyOf(drawn, count * 2);
      }
      long offset = spreadSeconds == 0 ? 0 : random.nextLong(-spreadSeconds, spreadSeconds + 1);
      drawn[count++] = baseSeconds + offset;
    }
    return drawn[k];
  }

  /** The longest any launch can take. */
  long maxSeconds() {
    return baseSeconds + spreadSeconds;
  }
}
