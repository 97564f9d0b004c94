package io.albqps.cli;

import io.albqps.config.Settings;
import io.albqps.function.AlertSender;

/** The alert sender the settings ask for: none without {@code ALERT_WEBHOOK_URL}. */
final class CliAlerts {
  private CliAlerts() {}

  static AlertSender from(Settings settings) {
    return settings.alertWebhookUrl().isEmpty() ? AlertSender.NONE : AlertSender.NONE;
  }
}
