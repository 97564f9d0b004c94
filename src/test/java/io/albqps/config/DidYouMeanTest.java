package io.albqps.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DidYouMeanTest {
  private static final List<String> KNOWN =
      Stream.of(Variable.values()).map(Variable::envName).toList();

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("SCALE_UP_TRESHOLD", "SCALE_UP_THRESHOLD"),
        Arguments.of("SCALE_DOWN_TRESHOLD", "SCALE_DOWN_THRESHOLD"),
        Arguments.of("METRICS_PERIOD", "METRIC_PERIOD"),
        Arguments.of("METRIC_PEROID", "METRIC_PERIOD"),
        Arguments.of("ALB_IDS", "ALB_ID"),
        Arguments.of("DRYRUN_MODE", "DRY_RUN_MODE"),
        Arguments.of("dry_run_mode", "DRY_RUN_MODE"),
        Arguments.of("ACCESS_KEY", null),
        Arguments.of("METRIC_PERIOD", null),
        Arguments.of("PATH", null),
        Arguments.of("JAVA_HOME", null),
        Arguments.of("_FAAS_FUNC_TIMEOUTS", null),
        Arguments.of("SCALE_UP_TRESHOLDXX", null));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("names")
  void suggestsTheNearestKnownName(String name, String expected) {
    assertThat(DidYouMean.suggest(name, KNOWN)).isEqualTo(Optional.ofNullable(expected));
  }

  static Stream<Arguments> distances() {
    return Stream.of(
        Arguments.of("ABC", "ABC", 0),
        Arguments.of("ABC", "ABD", 1),
        Arguments.of("ABC", "ACB", 1),
        Arguments.of("ABC", "AB", 1),
        Arguments.of("ABC", "XYZ", 3),
        Arguments.of("A", "ABCDE", 3),
        Arguments.of("ABCD", "BADC", 2),
        Arguments.of("SCALE_UP_TRESHOLD", "SCALE_UP_THRESHOLD", 1),
        Arguments.of("METRIC_PEROID", "METRIC_PERIOD", 1),
        Arguments.of("JAVA_TOOL_OPTIONS", "SCALE_UP_THRESHOLD", 3),
        Arguments.of("XYZ_UP_THRESHOLD", "SCALE_UP_THRESHOLD", 3),
        Arguments.of("SCALE_UP_THRESHOLD", "SCALE_UP_THRESHOXX", 2),
        Arguments.of("", "AB", 2));
  }

  @ParameterizedTest(name = "distance({0}, {1}) = {2}")
  @MethodSource("distances")
  void distanceCountsEditsAndTranspositions(String a, String b, int distance) {
    assertThat(DidYouMean.distance(a, b)).isEqualTo(distance);
  }
}
