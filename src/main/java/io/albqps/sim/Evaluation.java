package io.albqps.sim;

import io.albqps.engine.Reason;
import java.util.Objects;

/** The outcome of one evaluation as the driver loop needs it: the desired capacity set, and why. */
public record Evaluation(int newDesired, Reason reason) {
  public Evaluation {
    if (newDesired < 0) {
      throw new IllegalArgumentException("newDesired must be >= 0, got " + newDesired);
    }
    Objects.requireNonNull(reason, "reason");
  }
}
