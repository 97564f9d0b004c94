package io.albqps.config;

import java.util.Locale;
import java.util.Optional;

/** How log lines are written: JSON lines for the platform's log service, text for people. */
public enum LogFormat {
  JSON,
  TEXT,
  /** Text on an interactive terminal, JSON otherwise (under veFaaS stdout is never a terminal). */
  AUTO;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code JSON} or {@code TEXT}: resolves {@code AUTO} for where the output goes. */
  public LogFormat resolve(boolean stdoutIsTerminal) {
    if (this != AUTO) {
      return this;
    }
    return stdoutIsTerminal ? TEXT : JSON;
  }

  /** The format named {@code name}, case-insensitive. */
  public static Optional<LogFormat> fromWireName(String name) {
    for (LogFormat format : values()) {
      if (format.wireName().equalsIgnoreCase(name)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
