package io.albqps.traffic;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the timestamps found in traffic logs into epoch microseconds. */
final class Timestamps {
  /** Numbers at or above this are epoch milliseconds (1e11 seconds is the year 5138). */
  private static final double MILLIS_FROM = 1e11;

  private Timestamps() {}

  /**
   * Epoch microseconds of an ISO-8601 timestamp (with or without a zone; none means UTC; a space
   * may stand for the {@code T}) or of epoch seconds or milliseconds; null if it is none of them.
   */
  static Long parseMicros(String value) {
    String text = value.trim();
    if (text.isEmpty()) {
      return null;
    }
    if (Character.isDigit(text.charAt(0)) && !text.contains("-") && !text.contains(":")) {
      return epoch(text);
    }
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.replaceFirst(" ", "T") : text;
    Instant instant = iso(iso);
    return instant == null
        ? null
        : instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }

  private static Long epoch(String text) {
    try {
      double number = Double.parseDouble(text);
      if (!Double.isFinite(number) || number < 0) {
        return null;
      }
      double seconds = number >= MILLIS_FROM ? number / 1000.0 : number;
      return Math.round(seconds * 1_000_000.0);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Instant iso(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        return null;
      }
    }
  }
}
