package io.albqps.emulator;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the short durations of CloudMonitor periods and fault flags: {@code 1500ms, 15s, 1m, 2h}.
 */
final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private Durations() {}

  /** The duration, or an {@link IllegalArgumentException} naming {@code field}. */
  static Duration parse(String field, String text) {
    Matcher m = SHORT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          field + ": expected a number with ms, s, m or h (e.g. 60s, 5m), got " + text);
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }
}
