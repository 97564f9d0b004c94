package io.albqps.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds observations for tests: by default a complete 5-minute window of 1-minute points whose
 * newest point is one minute old, on an Active group with bounds [0, 100].
 */
final class Obs {
  static final Instant NOW = Instant.parse("2024-01-15T10:30:00Z");

  private double[] qps = {0};
  private boolean constant = true;
  private int pointCount = 5;
  private Duration window = Duration.ofMinutes(5);
  private Duration interval = Duration.ofMinutes(1);
  private Duration newestAge = Duration.ofMinutes(1);
  private String lifecycle = GroupSnapshot.ACTIVE;
  private int min = 0;
  private int max = 100;
  private int desired = 1;
  private Integer total;
  private boolean activity;
  private List<Instance> instances;
  private Instant now = NOW;

  static Obs qps(double value) {
    Obs obs = new Obs();
    obs.qps = new double[] {value};
    return obs;
  }

  /** Points oldest first; the window holds exactly these. */
  static Obs series(double... values) {
    Obs obs = new Obs();
    obs.qps = values.clone();
    obs.constant = false;
    obs.pointCount = values.length;
    return obs;
  }

  static Obs noData() {
    Obs obs = new Obs();
    obs.pointCount = 0;
    return obs;
  }

  Obs points(int count) {
    pointCount = count;
    return this;
  }

  Obs newestAge(Duration age) {
    newestAge = age;
    return this;
  }

  Obs at(Instant instant) {
    now = instant;
    return this;
  }

  Obs interval(Duration pointInterval) {
    interval = pointInterval;
    return this;
  }

  Obs window(Duration lookBack) {
    window = lookBack;
    return this;
  }

  Obs desired(int value) {
    desired = value;
    return this;
  }

  Obs total(int value) {
    total = value;
    return this;
  }

  Obs bounds(int minInstances, int maxInstances) {
    min = minInstances;
    max = maxInstances;
    return this;
  }

  Obs lifecycle(String state) {
    lifecycle = state;
    return this;
  }

  Obs activityInProgress() {
    activity = true;
    return this;
  }

  Obs instances(Instance... listed) {
    instances = List.of(listed);
    return this;
  }

  Observation build() {
    List<MetricPoint> points = new ArrayList<>();
    Instant newest = now.minus(newestAge);
    for (int i = 0; i < pointCount; i++) {
      Instant at = newest.minus(interval.multipliedBy(pointCount - 1L - i));
      points.add(new MetricPoint(at, constant ? qps[0] : qps[i]));
    }
    int totalInstances = total == null ? Math.max(0, desired) : total;
    GroupSnapshot group =
        instances == null
            ? GroupSnapshot.unlisted("scg-test", lifecycle, min, max, desired, totalInstances)
            : GroupSnapshot.listed(
                "scg-test", lifecycle, min, max, desired, totalInstances, instances);
    return new Observation(points, window, interval, group, activity);
  }

  /** An InService instance created {@code age} before {@link #NOW}. */
  static Instance serving(String id, Duration age) {
    return new Instance(id, Instance.IN_SERVICE, NOW.minus(age));
  }

  static Instance pending(String id) {
    return new Instance(id, "Pending", NOW.minusSeconds(30));
  }

  /** A state whose cooldown timestamps lie the given ages before {@link #NOW} (null = never). */
  static ScalerState actedAgo(Duration general, Duration up, Duration down) {
    return new ScalerState(
        java.util.Optional.ofNullable(general).map(NOW::minus),
        java.util.Optional.ofNullable(up).map(NOW::minus),
        java.util.Optional.ofNullable(down).map(NOW::minus),
        java.util.Optional.ofNullable(general).map(NOW::minus),
        List.of());
  }

  /** A recommendation history: pairs of (seconds before {@link #NOW}, desired). */
  static ScalerState history(int... agesAndDesired) {
    List<Recommendation> entries = new ArrayList<>();
    for (int i = 0; i < agesAndDesired.length; i += 2) {
      entries.add(
          new Recommendation(NOW.minusSeconds(agesAndDesired[i]), agesAndDesired[i + 1], 0));
    }
    return ScalerState.INITIAL.withRecommendations(entries);
  }

  /** A policy with nothing that delays or blocks: no windows, no cooldowns, no tolerance. */
  static Policy.Builder immediate() {
    return Policy.builder()
        .scaleTolerance(0)
        .upscaleDelay(Duration.ZERO)
        .downscaleDelay(Duration.ZERO)
        .scaleUpCooldown(Duration.ZERO)
        .scaleDownCooldown(Duration.ZERO)
        .generalCooldown(Duration.ZERO);
  }
}
