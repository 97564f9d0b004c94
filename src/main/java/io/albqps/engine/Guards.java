package io.albqps.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The checks every policy (ours and the baselines) runs before it may act, so that no policy ever
 * scales a group that is busy or reads missing data as zero load (DESIGN §4 steps 1, 2 and 11).
 */
final class Guards {
  private Guards() {}

  /**
   * Why the group must not be touched now, if it must not: {@code scaling_in_progress} while the
   * group is {@code Locked} or an activity runs, {@code group_not_active} in any other lifecycle
   * state than {@code Active}, {@code desired_capacity_disabled} when the group has no desired
   * number ({@code DesireInstanceNumber < 0}).
   */
  static Optional<Reason> groupBlock(GroupSnapshot group, boolean activityInProgress) {
    if (group.isLocked()) {
      return Optional.of(Reason.SCALING_IN_PROGRESS);
    }
    if (!group.isActive()) {
      return Optional.of(Reason.GROUP_NOT_ACTIVE);
    }
    if (activityInProgress) {
      return Optional.of(Reason.SCALING_IN_PROGRESS);
    }
    if (group.desiredInstances() < 0) {
      return Optional.of(Reason.DESIRED_CAPACITY_DISABLED);
    }
    return Optional.empty();
  }

  /**
   * True when there is no point, or the newest point is older than {@code staleAfter}. A point's
   * age runs from the end of its period ({@code timestamp + pointInterval}): CloudMonitor stamps a
   * point with its period's start and can only publish it after the period ends, so judging from
   * the start would count a whole period of unavoidable delay against every point.
   */
  static boolean metricsUnavailable(Observation obs, Duration staleAfter, Instant now) {
    List<MetricPoint> points = obs.points();
    if (points.isEmpty()) {
      return true;
    }
    Instant newestEnd = points.get(points.size() - 1).timestamp().plus(obs.pointInterval());
    return newestEnd.plus(staleAfter).isBefore(now);
  }

  /** True when the window holds fewer than half of the points a complete window holds. */
  static boolean metricsPartial(Observation obs) {
    return 2L * obs.points().size() < obs.expectedPoints();
  }

  /**
   * The staleness limit for policies without a {@link Policy}, the same as {@code
   * METRIC_STALE_SECONDS}' default for the observation's point interval.
   */
  static Duration defaultStaleAfter(Observation obs) {
    return Policy.defaultMetricStaleAfter(obs.pointInterval());
  }

  /**
   * True while the group has not settled: desired differs from the instance count, or (when the
   * instances were listed) one is not InService or younger than {@code warmup}. Without a listing,
   * instances count as warm unless desired and total differ.
   */
  static boolean instancesWarming(GroupSnapshot group, Duration warmup, Instant now) {
    if (group.desiredInstances() != group.totalInstances()) {
      return true;
    }
    if (!group.instancesListed()) {
      return false;
    }
    Instant warmSince = now.minus(warmup);
    for (Instance instance : group.instances()) {
      if (!instance.inService() || instance.createdAt().isAfter(warmSince)) {
        return true;
      }
    }
    return false;
  }
}
