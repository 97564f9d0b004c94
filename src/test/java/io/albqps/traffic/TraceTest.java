package io.albqps.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TraceTest {

  private static Trace parse(String... lines) {
    return Trace.parse(List.of(lines), "t.csv");
  }

  @Test
  void rateCsvIsAStepFunctionWhoseLastRowLastsOneStep() {
    Trace trace = parse("t,qps", "0,10", "10,30", "20,0");

    assertThat(trace.qpsAt(Duration.ofSeconds(0))).isEqualTo(10);
    assertThat(trace.qpsAt(Duration.ofSeconds(9))).isEqualTo(10);
    assertThat(trace.qpsAt(Duration.ofSeconds(10))).isEqualTo(30);
    assertThat(trace.qpsAt(Duration.ofSeconds(25))).isEqualTo(0);
    assertThat(trace.length()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void meanOverASpanIsTheExactIntegralOfTheSteps() {
    Trace trace = parse("t,qps", "0,10", "10,30", "20,0");

    assertThat(trace.meanQps(Duration.ofSeconds(5), Duration.ofSeconds(10))).isEqualTo(20.0);
    assertThat(trace.meanQps(Duration.ofSeconds(0), Duration.ofSeconds(30)))
        .isCloseTo(40.0 / 3, within(1e-9));
  }

  @Test
  void pastTheEndTheLastRateHolds() {
    Trace trace = parse("t,qps", "0,10", "60,40");

    assertThat(trace.qpsAt(Duration.ofHours(3))).isEqualTo(40);
    assertThat(trace.meanQps(Duration.ofSeconds(100), Duration.ofSeconds(100))).isEqualTo(40);
  }

  @Test
  void isoTimestampCsvStartsAtItsFirstRowWithOrWithoutAZone() {
    Trace trace =
        parse(
            "timestamp,value",
            "2014-04-10 00:02:00,5",
            "2014-04-10T00:07:00Z,7",
            "2014-04-10T00:12:00+00:00,9");

    assertThat(trace.qpsAt(Duration.ofSeconds(299))).isEqualTo(5);
    assertThat(trace.qpsAt(Duration.ofSeconds(300))).isEqualTo(7);
    assertThat(trace.length()).isEqualTo(Duration.ofSeconds(900));
  }

  @Test
  void requestLogIsCountedPerSecondAfterItsHeader() {
    Trace trace =
        parse(
            "TIMESTAMP,ContextTokens,GeneratedTokens",
            "2023-11-16 18:15:46.6805900,374,44",
            "2023-11-16 18:15:46.9000000,396,109",
            "2023-11-16 18:15:48.1000000,879,13");

    assertThat(trace.qpsAt(Duration.ofSeconds(0))).isEqualTo(2);
    assertThat(trace.qpsAt(Duration.ofSeconds(1))).isEqualTo(0);
    assertThat(trace.qpsAt(Duration.ofSeconds(2))).isEqualTo(1);
    assertThat(trace.length()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void requestLogAcceptsEpochSecondsAndMilliseconds() {
    Trace seconds = parse("1700000000.2", "1700000000.9", "1700000001.5");
    Trace millis = parse("1700000000200", "1700000000900", "1700000001500");

    assertThat(seconds.qpsAt(Duration.ZERO)).isEqualTo(2);
    assertThat(millis.qpsAt(Duration.ZERO)).isEqualTo(2);
    assertThat(millis.qpsAt(Duration.ofSeconds(1))).isEqualTo(1);
  }

  @Test
  void scaleMultipliesEveryRate() {
    Trace trace = parse("t,qps", "0,10", "10,30").scaled(2.5);

    assertThat(trace.qpsAt(Duration.ofSeconds(12))).isEqualTo(75);
  }

  @Test
  void readsTheSharedTraceFormatFromAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("trace.csv");
    Files.writeString(file, "t,qps\n0,1.5\n10,2.5\n");

    assertThat(Trace.read(file).meanQps(Duration.ZERO, Duration.ofSeconds(20))).isEqualTo(2.0);
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of(
            "rate that is not a number",
            List.of("t,qps", "0,10", "10,abc"),
            "t.csv line 3, column 2 (qps): expected a finite number >= 0, got 'abc'"),
        Arguments.of(
            "negative rate",
            List.of("t,qps", "0,-1"),
            "t.csv line 2, column 2 (qps): expected a finite number >= 0, got '-1'"),
        Arguments.of(
            "time going backwards",
            List.of("t,qps", "0,1", "20,1", "10,1"),
            "t.csv line 4, column 1 (t): expected a time after the previous row's, got '10'"),
        Arguments.of(
            "fractional seconds in t",
            List.of("t,qps", "0,1", "1.5,1"),
            "t.csv line 3, column 1 (t): expected whole seconds >= 0, got '1.5'"),
        Arguments.of(
            "missing column",
            List.of("t,qps", "0,1", "", "10"),
            "t.csv line 4: expected 2 columns (t,qps), got 1"),
        Arguments.of(
            "a single row",
            List.of("t,qps", "0,1"),
            "t.csv line 1: a rate trace needs at least two rows to know its step"),
        Arguments.of(
            "bad ISO timestamp",
            List.of("timestamp,value", "2014-04-10 00:02:00,5", "2014-13-10 00:07:00,7"),
            "t.csv line 3, column 1 (timestamp): expected an ISO-8601 timestamp or epoch"
                + " seconds/milliseconds, got '2014-13-10 00:07:00'"),
        Arguments.of(
            "bad request timestamp after the header",
            List.of("TIMESTAMP,tokens", "2023-11-16 18:15:46,3", "yesterday,4"),
            "t.csv line 3, column 1 (timestamp): expected an ISO-8601 timestamp or epoch"
                + " seconds/milliseconds, got 'yesterday'"),
        Arguments.of("empty file", List.of("", "# nothing"), "t.csv: the file has no data"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void rejectsABadFileNamingTheLine(String name, List<String> lines, String message) {
    assertThatThrownBy(() -> Trace.parse(lines, "t.csv"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage(message);
  }

  @Test
  void anUnreadableFileIsAnErrorNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("nope.csv");

    assertThatThrownBy(() -> Trace.read(missing)).hasMessageContaining("nope.csv");
  }
}
