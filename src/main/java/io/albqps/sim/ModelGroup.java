package io.albqps.sim;

import io.albqps.engine.GroupSnapshot;
import io.albqps.engine.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One policy's AutoScaling group in the model: the desired capacity is met at once by launching
 * instances (Pending until their boot time has passed, then InService) or by removing the newest
 * ones first, so a scale-down cancels boots before it stops a serving instance. A scale-up's
 * activity is in progress while any instance is still Pending, or (with an activity lock) while one
 * launched less than the lock ago is still Pending; a removal completes at once.
 */
final class ModelGroup {
  static final String GROUP_ID = "scg-simulated";
  private static final long UNTIL_SERVING = Long.MAX_VALUE;

  private final Instant epoch;
  private final BootTimes bootTimes;
  private final int minInstances;
  private final int maxInstances;
  private final long lockSeconds;
  private long[] readyAt = new long[16];
  private long[] activityEndsAt = new long[16];
  private Instance[] pending = new Instance[16];
  private Instance[] serving = new Instance[16];
  private int size;
  private int launches;
  private int ids;
  private GroupSnapshot cached;
  private boolean cacheValid;
  private long cachedValidUntil = Long.MIN_VALUE;

  ModelGroup(Instant epoch, BootTimes bootTimes, ClusterModel cluster) {
    this.epoch = epoch;
    this.bootTimes = bootTimes;
    this.minInstances = cluster.minInstances();
    this.maxInstances = cluster.maxInstances();
    this.lockSeconds = cluster.activityLock().map(Duration::toSeconds).orElse(UNTIL_SERVING);
  }

  /** Starts with {@code count} instances that have served for a day already. */
  void prewarm(int count) {
    for (int i = 0; i < count; i++) {
      add(-86_400, -86_400);
    }
  }

  int desired() {
    return size;
  }

  /** Instances serving at {@code second} (since the epoch). */
  int inService(long second) {
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (readyAt[i] <= second) {
        n++;
      }
    }
    return n;
  }

  /**
   * Sets the desired capacity at {@code second} (time only moves forward); the bounds are the
   * group's, as the API checks.
   */
  void setDesired(int desired, long second, String policy) {
    if (desired < minInstances || desired > maxInstances) {
      throw new IllegalStateException(
          policy
              + " set desired capacity "
              + desired
              + " outside the group's ["
              + minInstances
              + ", "
              + maxInstances
              + "]");
    }
    cacheValid = false;
    while (size < desired) {
      add(second, second + bootTimes.seconds(launches++));
    }
    size = desired;
  }

  /** The group as the API shows it; reused while nothing in it changes (snapshots are values). */
  GroupSnapshot snapshot(long second) {
    if (cacheValid && second < cachedValidUntil) {
      return cached;
    }
    List<Instance> instances = new ArrayList<>(size);
    long nextChange = Long.MAX_VALUE;
    for (int i = 0; i < size; i++) {
      boolean ready = readyAt[i] <= second;
      instances.add(ready ? serving[i] : pending[i]);
      if (!ready) {
        nextChange = Math.min(nextChange, readyAt[i]);
      }
    }
    cached =
        GroupSnapshot.listed(
            GROUP_ID, GroupSnapshot.ACTIVE, minInstances, maxInstances, size, size, instances);
    cacheValid = true;
    cachedValidUntil = nextChange;
    return cached;
  }

  /** True while a scale-up's instances are still booting (and launched less than the lock ago). */
  boolean activityInProgress(long second) {
    for (int i = 0; i < size; i++) {
      if (activityEndsAt[i] > second) {
        return true;
      }
    }
    return false;
  }

  private void add(long launched, long ready) {
    if (size == readyAt.length) {
      readyAt = Arrays.copyOf(readyAt, size * 2);
      activityEndsAt = Arrays.copyOf(activityEndsAt, size * 2);
      pending = Arrays.copyOf(pending, size * 2);
      serving = Arrays.copyOf(serving, size * 2);
    }
    String id = "i-sim" + ids++;
    Instant created = epoch.plusSeconds(launched);
    readyAt[size] = ready;
    // The activity lasts the boot, or the lock when that is shorter; taking the minimum before the
    // sum keeps an unlimited lock (Long.MAX_VALUE) from overflowing.
    activityEndsAt[size] = launched + Math.min(lockSeconds, ready - launched);
    pending[size] = new Instance(id, "Pending", created);
    serving[size] = new Instance(id, Instance.IN_SERVICE, created);
    size++;
  }
}
