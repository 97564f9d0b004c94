package io.albqps.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The least severe level logged; the names are Logback's, and Python's {@code WARNING} and {@code
 * CRITICAL} from the original solution's configurations are accepted.
 */
public enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR;

  /** The level named {@code name}, case-insensitive. */
  public static Optional<LogLevel> fromName(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    switch (upper) {
      case "WARNING":
        return Optional.of(WARN);
      case "CRITICAL":
        return Optional.of(ERROR);
      default:
        for (LogLevel level : values()) {
          if (level.name().equals(upper)) {
            return Optional.of(level);
          }
        }
        return Optional.empty();
    }
  }
}
