package io.albqps.config;

import java.util.Locale;
import java.util.Optional;

/** The payload shape the alert webhook expects: the original's JSON, or a chat bot's card. */
public enum AlertWebhookFormat {
  /** The original solution's payload. */
  JSON,
  LARK,
  SLACK;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named {@code name}, case-insensitive. */
  public static Optional<AlertWebhookFormat> fromWireName(String name) {
    for (AlertWebhookFormat format : values()) {
      if (format.wireName().equalsIgnoreCase(name)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
