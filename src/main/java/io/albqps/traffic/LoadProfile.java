package io.albqps.traffic;

import java.time.Duration;

/**
 * True request load over time, from a trace or a built-in scenario. The emulator turns it into
 * CloudMonitor points and the simulator into demand; neither lets a policy see it directly.
 */
public interface LoadProfile {

  /** Requests per second at {@code sinceStart}; past the end the profile holds its last value. */
  double qpsAt(Duration sinceStart);

  /** How long the profile runs. */
  Duration length();

  /** The mean QPS over {@code [from, from + span)}, sampled each second. */
  default double meanQps(Duration from, Duration span) {
    long seconds = Math.max(1, span.toSeconds());
    double sum = 0;
    for (long s = 0; s < seconds; s++) {
      sum += qpsAt(from.plusSeconds(s));
    }
    return sum / seconds;
  }
}
