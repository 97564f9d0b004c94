package io.albqps.function;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What an alert says: the action taken (or the error), its status and reason, and the numbers
 * behind it. {@code details} holds only plain values and never a secret.
 */
public record Alert(
    String action,
    String status,
    String message,
    Map<String, Object> details,
    boolean dryRun,
    Instant at,
    String executionId) {
  public Alert {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    details = Map.copyOf(details);
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(executionId, "executionId");
  }
}
