package io.albqps.sim;

import io.albqps.engine.Reason;
import java.util.Objects;

/** One change of a policy's desired capacity, at {@code second} since the start of the run. */
public record ScalingEvent(long second, int from, int to, Reason reason) {
  public ScalingEvent {
    Objects.requireNonNull(reason, "reason");
  }
}
