package io.albqps.function;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every alert sent, for assertions. */
final class RecordingAlerts implements AlertSender {
  final List<Alert> sent = new CopyOnWriteArrayList<>();

  @Override
  public void send(Alert alert) {
    sent.add(alert);
  }
}
