package io.albqps.traffic;

import java.time.Duration;
import java.util.List;

/**
 * A load made of consecutive phases, each holding a QPS or ramping linearly between two; the
 * simplest profile to write by hand for tests, demos and the emulator's default traffic.
 */
public final class PhaseProfile implements LoadProfile {
  private final List<Phase> phases;
  private final Duration length;

  private PhaseProfile(List<Phase> phases) {
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("phases: expected at least one phase");
    }
    this.phases = List.copyOf(phases);
    this.length = this.phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
  }

  /** The phases in order. */
  public static PhaseProfile of(List<Phase> phases) {
    return new PhaseProfile(phases);
  }

  /** The phases in order. */
  public static PhaseProfile of(Phase... phases) {
    return new PhaseProfile(List.of(phases));
  }

  /** One QPS forever (a single one-second phase, held past its end). */
  public static PhaseProfile constant(double qps) {
    return of(Phase.hold(Duration.ofSeconds(1), qps));
  }

  public List<Phase> phases() {
    return phases;
  }

  @Override
  public double qpsAt(Duration sinceStart) {
    if (sinceStart.isNegative()) {
      return phases.get(0).startQps();
    }
    Duration phaseStart = Duration.ZERO;
    for (Phase phase : phases) {
      Duration phaseEnd = phaseStart.plus(phase.duration());
      if (sinceStart.compareTo(phaseEnd) < 0) {
        return phase.qpsAt(sinceStart.minus(phaseStart));
      }
      phaseStart = phaseEnd;
    }
    return phases.get(phases.size() - 1).endQps();
  }

  @Override
  public Duration length() {
    return length;
  }

  @Override
  public String toString() {
    return "PhaseProfile" + phases;
  }

  /** A phase of {@code duration} going linearly from {@code startQps} to {@code endQps}. */
  public record Phase(Duration duration, double startQps, double endQps) {
    public Phase {
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("phase duration: expected > 0, got " + duration);
      }
      requireQps("startQps", startQps);
      requireQps("endQps", endQps);
    }

    /** A flat phase. */
    public static Phase hold(Duration duration, double qps) {
      return new Phase(duration, qps, qps);
    }

    /** A linear ramp. */
    public static Phase ramp(Duration duration, double fromQps, double toQps) {
      return new Phase(duration, fromQps, toQps);
    }

    double qpsAt(Duration sincePhaseStart) {
      double fraction = (double) sincePhaseStart.toNanos() / duration.toNanos();
      return startQps + (endQps - startQps) * fraction;
    }

    private static void requireQps(String field, double qps) {
      if (!(qps >= 0) || Double.isInfinite(qps)) {
        throw new IllegalArgumentException(field + ": expected a finite QPS >= 0, got " + qps);
      }
    }
  }
}
