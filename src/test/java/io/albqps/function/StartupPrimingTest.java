package io.albqps.function;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.albqps.testing.LogCapture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The background warm-up of {@code serve}: never in the way, never fatal. */
class StartupPrimingTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void runsItsOwnStepsThenTheQueuedOnesInOrder() throws Exception {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    StartupPriming priming = StartupPriming.begin(clock);

    priming.then("first", () -> ran.add("first"));
    priming.then("second", () -> ran.add("second"));

    assertThat(priming.awaitFinished(60_000)).isTrue();
    assertThat(ran).containsExactly("first", "second");
  }

  @Test
  void aFailingStepDoesNotStopTheStepsAfterIt() throws Exception {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    StartupPriming priming = StartupPriming.begin(clock);

    priming.then(
        "broken",
        () -> {
          throw new IllegalStateException("no trust store");
        });
    priming.then("after", () -> ran.add("after"));

    assertThat(priming.awaitFinished(60_000)).isTrue();
    assertThat(ran).containsExactly("after");
  }

  @Test
  void everyBuiltInStepSucceeds() throws Exception {
    try (LogCapture failures =
        LogCapture.of(StartupPriming.class)
            .withLevel(StartupPriming.class.getName(), Level.DEBUG)
            .start()) {
      StartupPriming priming = StartupPriming.begin(clock);

      assertThat(priming.awaitFinished(60_000)).isTrue();
      assertThat(failures.events()).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }
  }

  @Test
  void awaitLoggingReturnsOnceLoggingIsInitialised() throws Exception {
    StartupPriming priming = StartupPriming.begin(clock);

    priming.awaitLogging();

    assertThat(org.slf4j.LoggerFactory.getILoggerFactory())
        .isInstanceOf(ch.qos.logback.classic.LoggerContext.class);
    priming.finish();
  }
}
