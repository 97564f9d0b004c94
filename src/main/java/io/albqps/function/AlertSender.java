package io.albqps.function;

/**
 * Delivers alerts (a webhook in production). Implementations never throw: a failed alert is logged
 * and must not fail the invocation that raised it.
 */
@FunctionalInterface
public interface AlertSender {

  /** Sends nothing; used when no webhook is configured. */
  AlertSender NONE = alert -> {};

  void send(Alert alert);
}
