package io.albqps.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** The fast codec gives the JDK's answer for every instant and every text. */
class IsoInstantsProperties {
  private static final DateTimeFormatter X_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Property(tries = 2000)
  void formatsAsInstantToStringDoes(@ForAll("instants") Instant instant) {
    assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
  }

  @Property(tries = 2000)
  void readsBackWhatInstantToStringWrites(@ForAll("instants") Instant instant) {
    assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
  }

  @Property(tries = 5000)
  void parsesEveryDamagedTextAsInstantParseDoes(@ForAll("damagedTexts") String text) {
    Throwable expected = catchThrowable(() -> Instant.parse(text));
    if (expected == null) {
      assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
    } else {
      assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
  }

  @Property(tries = 2000)
  void theCanonicalShapeReadsAsOffsetDateTimeReadsIt(@ForAll("damagedTexts") String text) {
    Instant canonical = IsoInstants.parseCanonicalOrNull(text);
    if (canonical != null) {
      assertThat(canonical).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }
  }

  @Example
  void edgeCasesAgreeWithTheJdk() {
    String[] texts = {
      "2024-02-29T00:00:00Z",
      "2023-02-29T00:00:00Z",
      "2024-04-31T00:00:00Z",
      "2024-12-31T23:59:59Z",
      "2016-12-31T23:59:60Z",
      "2024-01-15T24:00:00Z",
      "2024-01-15t10:30:00z",
      "2024-01-15T10:30:00.Z",
      "2024-01-15T10:30:00.1Z",
      "2024-01-15T10:30:00.123456789Z",
      "2024-01-15T10:30:00.1234567890Z",
      "2024-01-15T10:30:00+01:00",
      "0000-01-01T00:00:00Z",
      "9999-12-31T23:59:59.999999999Z",
      "+10000-01-01T00:00:00Z",
      "-0001-01-01T00:00:00Z",
      "2024-1-15T10:30:00Z",
    };
    for (String text : texts) {
      parsesEveryDamagedTextAsInstantParseDoes(text);
    }
  }

  @Property(tries = 200)
  void fractionsOfEveryLengthFormatInGroupsOfThree(
      @ForAll @IntRange(min = 0, max = 999_999_999) int nano) {
    Instant instant = Instant.ofEpochSecond(1_705_314_600L, nano);

    assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
  }

  @Property(tries = 2000)
  void formatsTheBasicFormAsTheXDatePatternDoes(@ForAll("basicRange") Instant instant) {
    assertThat(IsoInstants.formatBasic(instant)).isEqualTo(X_DATE.format(instant));
  }

  @Property(tries = 2000)
  void readsTheBasicFormBackToTheSecond(@ForAll("basicRange") Instant instant) {
    assertThat(IsoInstants.parseBasic(X_DATE.format(instant)))
        .isEqualTo(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  @Example
  void rejectsBasicTextsThatAreNotStrictlyValid() {
    for (String text :
        List.of(
            "20240619T071306",
            "20240619t071306Z",
            "2024-06-19T07:13:06Z",
            "20240631T071306Z",
            "20240619T241306Z",
            "20240619T071360Z",
            "2024061 T071306Z",
            "+0240619T071306Z")) {
      assertThatThrownBy(() -> IsoInstants.parseBasic(text))
          .as(text)
          .isInstanceOf(DateTimeParseException.class);
    }
  }

  @Example
  void refusesABasicFormForYearsItCannotHold() {
    assertThatThrownBy(() -> IsoInstants.formatBasic(Instant.parse("+10000-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0001 to 9999");
    assertThatThrownBy(() -> IsoInstants.formatBasic(Instant.parse("0000-12-31T23:59:59Z")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Provide
  Arbitrary<Instant> basicRange() {
    return Combinators.combine(
            Arbitraries.longs()
                .between(
                    Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()),
            Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Long> anySecond =
        Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
    Arbitrary<Long> nearNow = Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L);
    Arbitrary<Long> seconds = Arbitraries.frequencyOf(Tuple.of(1, anySecond), Tuple.of(4, nearNow));
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(
            Arbitraries.just(0),
            Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
            Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
            Arbitraries.integers().between(0, 999_999_999));
    return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
  }

  /** Canonical texts with one character replaced, removed or inserted. */
  @Provide
  Arbitrary<String> damagedTexts() {
    Arbitrary<String> canonical = instants().map(Instant::toString);
    Arbitrary<Character> noise =
        Arbitraries.of(
            '0', '1', '2', '3', '5', '9', '-', ':', 'T', 'Z', '.', 't', 'z', '+', ' ', 'x');
    return Combinators.combine(
            canonical,
            Arbitraries.integers().between(0, 40),
            noise,
            Arbitraries.integers().between(0, 3))
        .as(IsoInstantsProperties::damage);
  }

  private static String damage(String text, int position, char c, int how) {
    int at = Math.min(position, text.length() - 1);
    StringBuilder out = new StringBuilder(text);
    switch (how) {
      case 0 -> out.setCharAt(at, c);
      case 1 -> out.deleteCharAt(at);
      case 2 -> out.insert(at, c);
      default -> {
        // unchanged
      }
    }
    return out.toString();
  }
}
