package io.albqps.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line's {@code --fault ACTION=KIND[:N]} syntax. */
class FaultSpecTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void parses(String text, FaultSpec expected) {
    assertThat(FaultSpec.parse(text)).isEqualTo(expected);
  }

  static Stream<Arguments> specs() {
    return Stream.of(
        Arguments.of(
            "ModifyScalingGroup=429:3",
            new FaultSpec("ModifyScalingGroup", Fault.throttled(), Optional.of(3))),
        Arguments.of(
            "DescribeScalingGroups=503",
            new FaultSpec("DescribeScalingGroups", Fault.unavailable(), Optional.empty())),
        Arguments.of(
            "GetMetricData=stale-600s:2",
            new FaultSpec(
                "GetMetricData", Fault.stalePoints(Duration.ofSeconds(600)), Optional.of(2))),
        Arguments.of(
            "DescribeScalingActivities=latency-1500ms",
            new FaultSpec(
                "DescribeScalingActivities",
                Fault.latency(Duration.ofMillis(1500)),
                Optional.empty())),
        Arguments.of(
            "GetMetricData=empty",
            new FaultSpec("GetMetricData", Fault.emptyPoints(), Optional.empty())),
        Arguments.of(
            "ModifyScalingGroup=drop:1",
            new FaultSpec("ModifyScalingGroup", Fault.dropConnection(), Optional.of(1))),
        Arguments.of(
            "ModifyScalingGroup=error200",
            new FaultSpec(
                "ModifyScalingGroup", Fault.errorOn200("InternalError"), Optional.empty())));
  }

  @ParameterizedTest(name = "refuses \"{0}\"")
  @ValueSource(
      strings = {
        "ModifyScalingGroup",
        "ModifyScalingGroup=418",
        "ModifyScalingGroup=429:0",
        "ModifyScalingGroup=429:x",
        "Nope=429",
        "ModifyScalingGroup=latency-5",
        "ModifyScalingGroup=explode"
      })
  void refusesWithAMessageNamingTheProblem(String text) {
    assertThatThrownBy(() -> FaultSpec.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected");
  }
}
