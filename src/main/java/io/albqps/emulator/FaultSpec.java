package io.albqps.emulator;

import java.util.Objects;
import java.util.Optional;

/**
 * A fault as the {@code emulator} command takes it: {@code ACTION=KIND[:N]}, e.g. {@code
 * ModifyScalingGroup=429:3} (the next three calls) or {@code GetMetricData=stale-600s} (every
 * call). See {@link Fault#parse} for the kinds.
 */
public record FaultSpec(String action, Fault fault, Optional<Integer> times) {
  public FaultSpec {
    Actions.requireKnown(action);
    Objects.requireNonNull(fault, "fault");
    Objects.requireNonNull(times, "times");
    if (times.isPresent() && times.get() < 1) {
      throw new IllegalArgumentException("fault count: expected >= 1, got " + times.get());
    }
  }

  /** Parses {@code ACTION=KIND[:N]}; an {@link IllegalArgumentException} names what is wrong. */
  public static FaultSpec parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(
          "fault: expected ACTION=KIND[:N] (e.g. ModifyScalingGroup=429:3), got " + text);
    }
    String action = text.substring(0, eq).strip();
    String rest = text.substring(eq + 1);
    int colon = rest.lastIndexOf(':');
    Optional<Integer> times = Optional.empty();
    if (colon >= 0) {
      String count = rest.substring(colon + 1).strip();
      if (!count.matches("\\d{1,9}")) {
        throw new IllegalArgumentException(
            "fault count: expected a whole number after ':', got " + count + " in " + text);
      }
      times = Optional.of(Integer.parseInt(count));
      rest = rest.substring(0, colon);
    }
    return new FaultSpec(action, Fault.parse(rest), times);
  }
}
