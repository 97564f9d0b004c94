package io.albqps.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * One accepted ModifyScalingGroup call, as the emulator's activity log keeps it: when, and the
 * desired capacity before and after. Tests read it to assert what the function really did.
 */
public record ModifyRecord(Instant at, int fromDesired, int toDesired) {
  public ModifyRecord {
    Objects.requireNonNull(at, "at");
  }

  /** True when the call changed the desired capacity. */
  public boolean changesCapacity() {
    return fromDesired != toDesired;
  }
}
