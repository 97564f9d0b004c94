package io.albqps.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.format.DateTimeParseException;
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
