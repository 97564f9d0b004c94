package io.albqps.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@link Instant#parse} and {@link Instant#toString} for the one shape this project writes ({@code
 * 2024-01-15T10:30:00Z}, optionally with a fraction), without {@code DateTimeFormatter}: the state
 * file holds about a hundred times, and a warm invocation spent a fifth of its CPU in the
 * formatter's general machinery reading and writing them. Every answer equals the JDK's: any text
 * outside the fast shape (a leap second, an offset, lower case, a year past 9999) goes to {@link
 * Instant#parse}, and any instant outside years 0000–9999 to {@link Instant#toString}.
 */
public final class IsoInstants {
  private static final int SECONDS_PER_DAY = 86_400;
  private static final long FIRST_FAST_SECOND =
      LocalDate.of(0, 1, 1).toEpochDay() * SECONDS_PER_DAY;
  private static final long FIRST_BASIC_SECOND =
      LocalDate.of(1, 1, 1).toEpochDay() * SECONDS_PER_DAY;
  private static final long END_OF_FAST_SECONDS =
      LocalDate.of(10_000, 1, 1).toEpochDay() * SECONDS_PER_DAY;
  private static final int[] NANO_SCALE = {
    0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  private IsoInstants() {}

  /**
   * Exactly {@link Instant#parse}: the same instant for the same text, and a {@link
   * DateTimeParseException} for the same texts.
   */
  public static Instant parse(CharSequence text) {
    Instant fast = parseCanonicalOrNull(text);
    return fast != null ? fast : Instant.parse(text);
  }

  /**
   * The instant of a text in the shape {@link Instant#toString} writes ({@code
   * yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, fields in range), or null for any other text; for readers that
   * accept more shapes than {@link Instant#parse} and parse the rest themselves.
   */
  public static Instant parseCanonicalOrNull(CharSequence text) {
    int length = text.length();
    if (length < 20
        || length > 30
        || length == 21
        || text.charAt(length - 1) != 'Z'
        || !separatorsAt(text)) {
      return null;
    }
    int year = number(text, 0, 4);
    int month = number(text, 5, 2);
    int day = number(text, 8, 2);
    int hour = number(text, 11, 2);
    int minute = number(text, 14, 2);
    int second = number(text, 17, 2);
    int nano = length == 20 ? 0 : fraction(text, length - 1);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > 31
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || nano < 0) {
      return null;
    }
    LocalDate firstOfMonth = LocalDate.of(year, month, 1);
    if (day > firstOfMonth.lengthOfMonth()) {
      return null;
    }
    long epochDay = firstOfMonth.toEpochDay() + day - 1;
    long seconds = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    return Instant.ofEpochSecond(seconds, nano);
  }

  /** Exactly {@link Instant#toString}. */
  public static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < FIRST_FAST_SECOND || seconds >= END_OF_FAST_SECONDS) {
      return instant.toString();
    }
    long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    LocalDate date = LocalDate.ofEpochDay(day);
    int nano = instant.getNano();
    int fractionDigits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
    char[] out = new char[20 + (fractionDigits == 0 ? 0 : fractionDigits + 1)];
    digits(out, 0, date.getYear(), 4);
    out[4] = '-';
    digits(out, 5, date.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, date.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    digits(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, secondOfDay % 60, 2);
    int end = 19;
    if (fractionDigits > 0) {
      out[end++] = '.';
      digits(out, end, nano / NANO_SCALE[fractionDigits], fractionDigits);
      end += fractionDigits;
    }
    out[end] = 'Z';
    return new String(out);
  }

  /**
   * The ISO-8601 basic form to the second, {@code 20240619T071306Z}, as BytePlus's {@code X-Date}
   * header carries it; the same text as {@code DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")}
   * in UTC.
   *
   * @throws IllegalArgumentException for an instant outside years 0001–9999, which the form cannot
   *     hold
   */
  public static String formatBasic(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < FIRST_BASIC_SECOND || seconds >= END_OF_FAST_SECONDS) {
      throw new IllegalArgumentException(
          "an X-Date needs a year from 0001 to 9999, got " + instant);
    }
    String extended = format(Instant.ofEpochSecond(seconds));
    char[] out = new char[16];
    extended.getChars(0, 4, out, 0);
    extended.getChars(5, 7, out, 4);
    extended.getChars(8, 13, out, 6);
    extended.getChars(14, 16, out, 11);
    extended.getChars(17, 20, out, 13);
    return new String(out);
  }

  /**
   * The instant of a basic-form text ({@code 20240619T071306Z}), strictly: sixteen characters,
   * fields in range.
   *
   * @throws DateTimeParseException for any other text
   */
  public static Instant parseBasic(String text) {
    Instant parsed = null;
    if (text.length() == 16 && text.charAt(8) == 'T') {
      String extended =
          text.substring(0, 4)
              + '-'
              + text.substring(4, 6)
              + '-'
              + text.substring(6, 8)
              + 'T'
              + text.substring(9, 11)
              + ':'
              + text.substring(11, 13)
              + ':'
              + text.substring(13);
      parsed = parseCanonicalOrNull(extended);
    }
    if (parsed == null) {
      throw new DateTimeParseException("not yyyyMMddTHHmmssZ", text, 0);
    }
    return parsed;
  }

  private static boolean separatorsAt(CharSequence text) {
    return text.charAt(4) == '-'
        && text.charAt(7) == '-'
        && text.charAt(10) == 'T'
        && text.charAt(13) == ':'
        && text.charAt(16) == ':';
  }

  /** The nanoseconds of the digits between the '.' at 19 and {@code end}, or -1. */
  private static int fraction(CharSequence text, int end) {
    if (text.charAt(19) != '.') {
      return -1;
    }
    int count = end - 20;
    int value = number(text, 20, count);
    return value < 0 ? -1 : value * NANO_SCALE[count];
  }

  /** The decimal number of {@code count} ASCII digits at {@code from}, or -1. */
  private static int number(CharSequence text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static void digits(char[] out, int at, int value, int count) {
    int rest = value;
    for (int i = at + count - 1; i >= at; i--) {
      out[i] = (char) ('0' + rest % 10);
      rest /= 10;
    }
  }
}
