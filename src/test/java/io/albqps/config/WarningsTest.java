package io.albqps.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.engine.Policy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WarningsTest {

  private static List<String> warnings(String... pairs) throws ConfigException {
    return Settings.parse(SettingsTest.with(pairs)).warnings();
  }

  @Test
  void defaultsGiveNoWarnings() throws ConfigException {
    assertThat(warnings()).isEmpty();
  }

  @Test
  void metricPeriodBelowOneMinuteWarns() throws ConfigException {
    assertThat(warnings("METRIC_PERIOD", "45"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("METRIC_PERIOD=45 is below 60 s");
  }

  @Test
  void metricPeriodBelowHalfAMinuteWarnsStrongly() throws ConfigException {
    assertThat(warnings("METRIC_PERIOD", "20"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("METRIC_PERIOD=20 is far below 60 s")
        .contains("strongly");
  }

  static Stream<Arguments> delays() {
    return Stream.of(
        Arguments.of("UPSCALE_DELAY_SECONDS", "60", "300", true),
        Arguments.of("DOWNSCALE_DELAY_SECONDS", "120", "300", true),
        Arguments.of("UPSCALE_DELAY_SECONDS", "0", "300", false),
        Arguments.of("UPSCALE_DELAY_SECONDS", "300", "300", false),
        Arguments.of("DOWNSCALE_DELAY_SECONDS", "600", "300", false));
  }

  @ParameterizedTest(name = "{0}={1} with METRIC_PERIOD={2} warns: {3}")
  @MethodSource("delays")
  void delayShorterThanTheLookBackWarns(
      String variable, String delay, String metricPeriod, boolean warns) throws ConfigException {
    List<String> warnings = warnings(variable, delay, "METRIC_PERIOD", metricPeriod);

    assertThat(warnings.stream().anyMatch(w -> w.startsWith(variable) && w.contains("#26455")))
        .isEqualTo(warns);
  }

  static Stream<Arguments> staticThresholds() {
    return Stream.of(
        // up 0.8, down 0.6: 2 -> 3 instances at 41 QPS each (target 50) gives 27.3 < 30.
        Arguments.of(0.8, 0.6, 1, 1, 3),
        // A wide gap: from 1 instance one step up halves the load, still above the down threshold.
        Arguments.of(0.8, 0.2, 1, 1, 0),
        Arguments.of(0.9, 0.3, 1, 1, 0),
        // Boundary: 2 -> 1 doubles the load from just under 0.5 to just under 1.0, not above it.
        Arguments.of(1.0, 0.5, 1, 1, 0),
        // Big steps widen the band: +3 from 8 gives 0.8 x 8 / 11 = 0.58 < 0.6.
        Arguments.of(0.8, 0.6, 3, 1, 8),
        // -3 from 11 gives 0.6 x 11 / 8 = 0.825 > 0.8.
        Arguments.of(0.8, 0.6, 1, 3, 11),
        Arguments.of(0.9, 0.85, 1, 1, 17));
  }

  @ParameterizedTest(name = "static up {0} down {1} +{2}/-{3}: flaps up to {4} instances")
  @MethodSource("staticThresholds")
  void staticThrashNamesTheLargestGroupThatCanFlap(
      double up, double down, int increment, int decrement, int largest) {
    Policy policy =
        Policy.builder()
            .dynamicScaling(false)
            .scaleUpThreshold(up)
            .scaleDownThreshold(down)
            .scaleUpIncrement(increment)
            .scaleDownDecrement(decrement)
            .build();

    if (largest == 0) {
      assertThat(Warnings.staticThrash(policy)).isEmpty();
    } else {
      assertThat(Warnings.staticThrash(policy))
          .hasValueSatisfying(w -> assertThat(w).contains("up to " + largest + " instances"));
    }
  }

  @Test
  void staticThrashRuleMatchesASimulatedStep() {
    // Brute force: a group of c flaps if some per-group QPS q scales up from c and the result
    // scales straight back down, or scales down from c and the result scales straight back up.
    for (double up = 0.3; up <= 1.0; up += 0.1) {
      for (double down = 0.05; down < up - 0.01; down += 0.1) {
        for (int step = 1; step <= 3; step++) {
          Policy policy =
              Policy.builder()
                  .dynamicScaling(false)
                  .scaleUpThreshold(up)
                  .scaleDownThreshold(down)
                  .scaleUpIncrement(step)
                  .scaleDownDecrement(step)
                  .build();
          int largest = 0;
          for (int c = 1; c <= 200; c++) {
            if (flaps(c, up, down, step)) {
              largest = c;
            }
          }
          int expected = largest;
          assertThat(Warnings.staticThrash(policy).map(w -> w.contains("up to " + expected + " ")))
              .as("up %s down %s step %d", up, down, step)
              .isEqualTo(largest == 0 ? java.util.Optional.empty() : java.util.Optional.of(true));
        }
      }
    }
  }

  /** Per-instance thresholds as fractions of target 1: is there a total load that flaps at c? */
  private static boolean flaps(int c, double up, double down, int step) {
    // Up then down: q/c > up and q/(c+step) < down  <=>  (up*c, down*(c+step)) non-empty.
    boolean upThenDown = up * c < down * (c + step) - 1e-12;
    // Down then up: q/c < down and q/(c-step) > up, with c-step >= 1.
    boolean downThenUp = c - step >= 1 && up * (c - step) < down * c - 1e-12;
    return upThenDown || downThenUp;
  }

  @Test
  void staticThrashIsNotCheckedInDynamicMode() throws ConfigException {
    assertThat(warnings("SCALE_DOWN_THRESHOLD", "0.79")).isEmpty();
  }

  @Test
  void staticThrashIsReportedWithTheSettings() throws ConfigException {
    assertThat(warnings("ENABLE_DYNAMIC_SCALING", "false"))
        .anyMatch(w -> w.startsWith("static mode") && w.contains("up to 3 instances"));
  }

  @Test
  void nearMissNameGetsADidYouMean() throws ConfigException {
    assertThat(warnings("SCALE_UP_TRESHOLD", "0.9"))
        .containsExactly(
            "SCALE_UP_TRESHOLD is not a setting and is ignored; did you mean SCALE_UP_THRESHOLD?");
  }

  @Test
  void lowerCaseNameGetsADidYouMean() throws ConfigException {
    assertThat(warnings("metric_period", "60"))
        .anyMatch(w -> w.startsWith("metric_period") && w.endsWith("did you mean METRIC_PERIOD?"));
  }

  @Test
  void unrelatedVariablesAreIgnored() throws ConfigException {
    assertThat(
            warnings(
                "PATH",
                "/usr/bin",
                "HOME",
                "/root",
                "JAVA_HOME",
                "/jdk",
                "_FAAS_RUNTIME_PORT",
                "8000"))
        .isEmpty();
  }

  @Test
  void listenerIdWithoutListenerMetricWarns() throws ConfigException {
    assertThat(warnings("LISTENER_ID", "lsn-abc"))
        .containsExactly("LISTENER_ID is ignored: it is only read with QPS_METRIC=listener_qps");
  }

  @Test
  void chatWebhookFormatWithoutUrlWarns() throws ConfigException {
    assertThat(warnings("ALERT_WEBHOOK_FORMAT", "slack"))
        .containsExactly("ALERT_WEBHOOK_FORMAT is ignored: no ALERT_WEBHOOK_URL is set");
  }

  @Test
  void predictiveHorizonBeyondTwiceTheLookBackWarns() throws ConfigException {
    assertThat(warnings("METRIC_PERIOD", "60", "PREDICTIVE_HORIZON_SECONDS", "300"))
        .anyMatch(w -> w.startsWith("PREDICTIVE_HORIZON_SECONDS=300"));
  }

  @Test
  void stalenessBelowOnePeriodPlusLagWarns() throws ConfigException {
    assertThat(warnings("METRIC_STALE_SECONDS", "60"))
        .anyMatch(w -> w.startsWith("METRIC_STALE_SECONDS=60"));
  }

  @Test
  void placeholderIdsWarn() throws ConfigException {
    assertThat(warnings("AUTOSCALING_GROUP_ID", "scg-xxxxxxxx"))
        .containsExactly(
            "AUTOSCALING_GROUP_ID=scg-xxxxxxxx looks like the .env.example placeholder");
  }
}
