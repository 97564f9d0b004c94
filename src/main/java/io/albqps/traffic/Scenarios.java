package io.albqps.traffic;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Built-in load shapes, so a policy can be tried without a trace of one's own. Each is in the range
 * of a GPU fleet at 50 QPS per instance (peaks of 600 to 1000 QPS, 12 to 20 instances):
 *
 * <ul>
 *   <li>{@code ray-load-test}: the Ray Serve autoscaling tutorial's Locust run, 1 → 20 → 40 → 20 →
 *       1 users over 11 minutes (1, 2, 5, 2 and 1 minutes per stage), each user worth {@code
 *       userQps};
 *   <li>{@code step}: 100 QPS for 10 minutes, 600 for 30 minutes, 100 for 20 minutes: one sustained
 *       rise and fall, for time-to-capacity and scale-in delay;
 *   <li>{@code spike}: 150 QPS with a 5-minute burst to 900 at minute 20, 60 minutes in all: a
 *       burst shorter than a GPU's boot plus a cooldown, for over-reaction and flaps;
 *   <li>{@code ramp}: 50 → 1000 QPS linearly over 60 minutes, 15 minutes at the top, back to 50
 *       over 30 minutes: steady growth, for lag behind a trend;
 *   <li>{@code diurnal}: two days of a daily sine between 100 and 800 QPS (trough at midnight, peak
 *       at noon): the shape of most production traffic, for cost.
 * </ul>
 */
public final class Scenarios {
  /** The QPS one simulated user sends in {@code ray-load-test} unless told otherwise. */
  public static final double DEFAULT_USER_QPS = 25;

  private static final List<String> NAMES =
      List.of("ray-load-test", "step", "spike", "ramp", "diurnal");

  private Scenarios() {}

  /** The scenario names, in a stable order. */
  public static List<String> names() {
    return NAMES;
  }

  /** The scenario called {@code name}; {@code userQps} (> 0) sizes {@code ray-load-test}. */
  public static LoadProfile byName(String name, double userQps) {
    if (!(userQps > 0) || !Double.isFinite(userQps)) {
      throw new IllegalArgumentException("userQps must be a finite number > 0, got " + userQps);
    }
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "ray-load-test" -> rayLoadTest(userQps);
      case "step" -> steps(new double[] {0, 600, 2400}, new double[] {100, 600, 100}, 3600);
      case "spike" -> steps(new double[] {0, 1200, 1500}, new double[] {150, 900, 150}, 3600);
      case "ramp" -> ramp();
      case "diurnal" -> diurnal();
      default ->
          throw new IllegalArgumentException(
              "unknown scenario '" + name + "'; expected one of " + String.join(", ", NAMES));
    };
  }

  private static LoadProfile rayLoadTest(double userQps) {
    double[] minutes = {0, 1, 3, 8, 10};
    double[] users = {1, 20, 40, 20, 1};
    double[] starts = new double[minutes.length];
    double[] qps = new double[users.length];
    for (int i = 0; i < minutes.length; i++) {
      starts[i] = minutes[i] * 60;
      qps[i] = users[i] * userQps;
    }
    return Trace.ofSteps(starts, qps, 11 * 60);
  }

  private static LoadProfile steps(double[] starts, double[] qps, double lengthSeconds) {
    return Trace.ofSteps(starts, qps, lengthSeconds);
  }

  private static LoadProfile ramp() {
    return new Shape(
        Duration.ofMinutes(105),
        s -> {
          if (s < 3600) {
            return 50 + 950 * s / 3600;
          }
          if (s < 4500) {
            return 1000;
          }
          return Math.max(50, 1000 - 950 * (s - 4500) / 1800);
        });
  }

  private static LoadProfile diurnal() {
    double day = 86_400;
    return new Shape(Duration.ofDays(2), s -> 450 - 350 * Math.cos(2 * Math.PI * (s % day) / day));
  }

  /** A profile given by a formula of the seconds since start. */
  private record Shape(Duration length, java.util.function.DoubleUnaryOperator qpsAtSecond)
      implements LoadProfile {
    @Override
    public double qpsAt(Duration sinceStart) {
      double s = Math.min(sinceStart.toMillis() / 1000.0, length.toMillis() / 1000.0);
      return qpsAtSecond.applyAsDouble(s);
    }
  }
}
