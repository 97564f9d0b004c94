package io.albqps.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenariosTest {

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of("ray-load-test", 11 * 60, 30, 25.0),
        Arguments.of("ray-load-test", 11 * 60, 90, 500.0),
        Arguments.of("ray-load-test", 11 * 60, 300, 1000.0),
        Arguments.of("ray-load-test", 11 * 60, 540, 500.0),
        Arguments.of("ray-load-test", 11 * 60, 630, 25.0),
        Arguments.of("step", 3600, 599, 100.0),
        Arguments.of("step", 3600, 600, 600.0),
        Arguments.of("step", 3600, 2400, 100.0),
        Arguments.of("spike", 3600, 1199, 150.0),
        Arguments.of("spike", 3600, 1200, 900.0),
        Arguments.of("spike", 3600, 1500, 150.0),
        Arguments.of("ramp", 105 * 60, 1800, 525.0),
        Arguments.of("ramp", 105 * 60, 4000, 1000.0),
        Arguments.of("ramp", 105 * 60, 6300, 50.0),
        Arguments.of("diurnal", 2 * 86_400, 0, 100.0),
        Arguments.of("diurnal", 2 * 86_400, 43_200, 800.0),
        Arguments.of("diurnal", 2 * 86_400, 86_400 + 43_200, 800.0));
  }

  @ParameterizedTest(name = "{0} at {2} s is {3} QPS")
  @MethodSource("shapes")
  void scenarioHasItsDocumentedShape(String name, long length, long at, double qps) {
    LoadProfile profile = Scenarios.byName(name, Scenarios.DEFAULT_USER_QPS);

    assertThat(profile.length()).isEqualTo(Duration.ofSeconds(length));
    assertThat(profile.qpsAt(Duration.ofSeconds(at))).isCloseTo(qps, within(1e-6));
  }

  @Test
  void rayLoadTestScalesWithTheQpsOfAUser() {
    LoadProfile profile = Scenarios.byName("ray-load-test", 10);

    assertThat(profile.qpsAt(Duration.ofMinutes(5))).isEqualTo(400);
  }

  @Test
  void unknownScenarioNamesTheKnownOnes() {
    assertThatThrownBy(() -> Scenarios.byName("sawtooth", 25))
        .hasMessage(
            "unknown scenario 'sawtooth'; expected one of ray-load-test, step, spike, ramp, diurnal");
  }

  @Test
  void scaledProfileMultipliesRatesAndMeans() {
    LoadProfile scaled = ScaledProfile.of(Scenarios.byName("step", 25), 0.5);

    assertThat(scaled.qpsAt(Duration.ofMinutes(20))).isEqualTo(300);
    assertThat(scaled.meanQps(Duration.ofSeconds(540), Duration.ofSeconds(120))).isEqualTo(175);
  }
}
