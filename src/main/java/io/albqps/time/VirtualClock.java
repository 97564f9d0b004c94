package io.albqps.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to; shared by the emulator, the function and the simulator so
 * that a whole run happens in virtual time. Thread-safe.
 */
public final class VirtualClock extends Clock {
  private final AtomicReference<Instant> now;

  public VirtualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZoneOffset.UTC.equals(zone)) {
      throw new UnsupportedOperationException("a VirtualClock runs in UTC only");
    }
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /** Moves the clock forward; never backwards. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("cannot move a clock backwards: " + duration);
    }
    now.updateAndGet(t -> t.plus(duration));
  }

  /** Moves the clock to {@code target} if it lies ahead; a target in the past is ignored. */
  public void advanceTo(Instant target) {
    now.updateAndGet(t -> target.isAfter(t) ? target : t);
  }

  /** A sleeper that returns at once after moving this clock forward by the requested duration. */
  public Sleeper sleeper() {
    return this::advance;
  }
}
