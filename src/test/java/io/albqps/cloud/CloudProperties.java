package io.albqps.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the signer's encoding and of the retry backoff, for all inputs. */
class CloudProperties {

  @Property
  void percentEncodingUsesOnlyUnreservedCharactersAndUpperCaseEscapes(@ForAll String value) {
    assertThat(Signer.percentEncode(value)).matches("([A-Za-z0-9\\-_.~]|%[0-9A-F]{2})*");
  }

  @Property
  void percentEncodingRoundTripsThroughUtf8Decoding(@ForAll String value) {
    String wellFormed = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

    assertThat(URLDecoder.decode(Signer.percentEncode(wellFormed), StandardCharsets.UTF_8))
        .isEqualTo(wellFormed);
  }

  @Property
  void backoffNeverExceedsItsCeilingNorTheCap(
      @ForAll @IntRange(min = 0, max = 100) int retry,
      @ForAll @LongRange(min = 1, max = 10_000) long baseMillis,
      @ForAll @LongRange(min = 0, max = 100_000) long extraCapMillis,
      @ForAll long seed) {
    Backoff backoff =
        new Backoff(Duration.ofMillis(baseMillis), Duration.ofMillis(baseMillis + extraCapMillis));

    Duration delay = backoff.delay(retry, new Random(seed));

    assertThat(delay).isBetween(Duration.ZERO, backoff.ceiling(retry));
    assertThat(backoff.ceiling(retry)).isLessThanOrEqualTo(backoff.cap());
  }

  @Property
  void backoffCeilingNeverShrinksFromOneRetryToTheNext(
      @ForAll @IntRange(min = 0, max = 100) int retry,
      @ForAll @LongRange(min = 1, max = 10_000) long baseMillis) {
    Backoff backoff = new Backoff(Duration.ofMillis(baseMillis), Duration.ofSeconds(30));

    assertThat(backoff.ceiling(retry + 1)).isGreaterThanOrEqualTo(backoff.ceiling(retry));
  }
}
