package io.albqps.emulator;

import io.albqps.traffic.LoadProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a {@link LoadProfile} into CloudMonitor points: one per period, aligned to period
 * boundaries since the epoch, each the mean load over its period, published only once the period
 * ended {@code ingestionLag} ago; a seeded share of points never arrives.
 */
final class TrafficModel {
  private final LoadProfile profile;
  private final Instant trafficStart;
  private final Duration ingestionLag;
  private final double missingPointRate;
  private final long seed;
  private volatile List<Point> mirrored;

  /** The traffic an emulator with {@code config} serves, its clock starting at {@code start}. */
  static TrafficModel of(EmulatorConfig config, Instant start) {
    return new TrafficModel(
        config.loadProfile(),
        config.trafficStart().orElse(start),
        config.ingestionLag(),
        config.missingPointRate(),
        config.seed());
  }

  private TrafficModel(
      LoadProfile profile,
      Instant trafficStart,
      Duration ingestionLag,
      double missingPointRate,
      long seed) {
    this.profile = profile;
    this.trafficStart = trafficStart;
    this.ingestionLag = ingestionLag;
    this.missingPointRate = missingPointRate;
    this.seed = seed;
  }

  /** One data point: the period's start in Unix seconds and its mean QPS. */
  record Point(long timestamp, double value) {}

  /**
   * The points whose period starts in {@code [startSecond, endSecond]}, as visible at {@code now}.
   */
  List<Point> points(long startSecond, long endSecond, long periodSeconds, Instant now) {
    List<Point> fixed = mirrored;
    if (fixed != null) {
      return fixed.stream()
          .filter(p -> p.timestamp() >= startSecond && p.timestamp() <= endSecond)
          .toList();
    }
    List<Point> points = new ArrayList<>();
    long first = Math.floorDiv(startSecond + periodSeconds - 1, periodSeconds) * periodSeconds;
    long visibleUntil = now.minus(ingestionLag).getEpochSecond();
    for (long t = first; t <= endSecond; t += periodSeconds) {
      if (t + periodSeconds > visibleUntil) {
        break;
      }
      if (!missing(t, periodSeconds)) {
        points.add(new Point(t, meanOver(t, periodSeconds)));
      }
    }
    return points;
  }

  /**
   * From now on serves exactly {@code points} (those inside each request's window) instead of the
   * profile's: the simulator's e2e mode shows the function the points its model cloud publishes.
   */
  void mirror(List<Point> points) {
    mirrored = List.copyOf(points);
  }

  private double meanOver(long periodStartSecond, long periodSeconds) {
    Duration sinceStart = Duration.ofSeconds(periodStartSecond - trafficStart.getEpochSecond());
    double mean =
        sinceStart.isNegative()
            ? meanBeforeStart(sinceStart, periodSeconds)
            : profile.meanQps(sinceStart, Duration.ofSeconds(periodSeconds));
    return Math.round(mean * 1000) / 1000.0;
  }

  /**
   * Before time zero the profile holds its first value (profiles need not define negative time).
   */
  private double meanBeforeStart(Duration sinceStart, long periodSeconds) {
    double sum = 0;
    for (long s = 0; s < periodSeconds; s++) {
      Duration at = sinceStart.plusSeconds(s);
      sum += profile.qpsAt(at.isNegative() ? Duration.ZERO : at);
    }
    return sum / periodSeconds;
  }

  private boolean missing(long periodStartSecond, long periodSeconds) {
    if (missingPointRate == 0) {
      return false;
    }
    long key = seed * 0x9E3779B97F4A7C15L + periodStartSecond * 31 + periodSeconds;
    return new SplittableRandom(key).nextDouble() < missingPointRate;
  }
}
