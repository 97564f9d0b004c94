package io.albqps.engine;

import static io.albqps.engine.Obs.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Step 3: the QPS statistic and the predictive horizon. */
class SignalTest {
  private static final List<MetricPoint> POINTS =
      Obs.series(10, 50, 20, 40, 30, 60, 70, 80, 90, 100).build().points();

  static Stream<Arguments> statistics() {
    return Stream.of(
        Arguments.of("mean averages every point (the original)", QpsStatistic.MEAN, 55.0),
        Arguments.of("max takes the highest point", QpsStatistic.MAX, 100.0),
        Arguments.of("latest takes the newest point", QpsStatistic.LATEST, 100.0),
        Arguments.of("p90 is the nearest-rank 90th percentile", QpsStatistic.P90, 90.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statistics")
  void statisticOfTheWindow(String sentence, QpsStatistic statistic, double expected) {
    assertThat(Signal.statistic(statistic, POINTS)).isEqualTo(expected);
  }

  @Test
  void slopeOfARisingLineIsItsGradient() {
    List<MetricPoint> line = Obs.series(100, 160, 220, 280).build().points();

    assertThat(Signal.slopePerSecond(line)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void predictionRaisesTheSignalOnARisingTrend() {
    List<MetricPoint> line = Obs.series(100, 160, 220, 280).build().points();

    double qps = Signal.withPrediction(QpsStatistic.LATEST, line, Duration.ofSeconds(120), 0, 0);

    assertThat(qps).isCloseTo(400, within(1e-6));
  }

  @Test
  void predictionNeverLowersTheSignalOnAFallingTrend() {
    List<MetricPoint> line = Obs.series(280, 220, 160, 100).build().points();

    double qps = Signal.withPrediction(QpsStatistic.LATEST, line, Duration.ofSeconds(120), 0, 0);

    assertThat(qps).isEqualTo(100);
  }

  static Stream<Arguments> predictionCaps() {
    return Stream.of(
        Arguments.of("no cap (0) keeps the whole extrapolation", 0.0, 400.0),
        Arguments.of("a cap of 1.2 stops the prediction at 1.2 x the statistic", 1.2, 336.0),
        Arguments.of("a cap above the extrapolation changes nothing", 2.0, 400.0),
        Arguments.of("a cap of 1 turns the prediction off", 1.0, 280.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("predictionCaps")
  void predictionIsCappedAtAMultipleOfTheStatistic(String sentence, double cap, double expected) {
    List<MetricPoint> line = Obs.series(100, 160, 220, 280).build().points();

    double qps = Signal.withPrediction(QpsStatistic.LATEST, line, Duration.ofSeconds(120), cap, 0);

    assertThat(qps).isCloseTo(expected, within(1e-6));
  }

  static Stream<Arguments> sustainedRises() {
    return Stream.of(
        Arguments.of(
            "0 rises required: a step already flat at its new level is extrapolated",
            0,
            new double[] {100, 100, 400, 400},
            true),
        Arguments.of(
            "1 rise required: a step already flat at its new level is not extrapolated",
            1,
            new double[] {100, 100, 400, 400},
            false),
        Arguments.of(
            "1 rise required: a step seen in the newest point is extrapolated",
            1,
            new double[] {100, 100, 100, 400},
            true),
        Arguments.of(
            "2 rises required: a single jump is not extrapolated",
            2,
            new double[] {100, 100, 100, 400},
            false),
        Arguments.of(
            "2 rises required: a steady climb is extrapolated",
            2,
            new double[] {100, 160, 220, 280},
            true),
        Arguments.of(
            "2 rises required: a climb that paused in the newest point is not extrapolated",
            2,
            new double[] {100, 160, 280, 280},
            false),
        Arguments.of(
            "more rises required than the window has changes: never extrapolated",
            4,
            new double[] {100, 160, 220, 280},
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sustainedRises")
  void predictionNeedsTheRequiredRunOfRises(
      String sentence, int minRises, double[] window, boolean extrapolated) {
    List<MetricPoint> points = Obs.series(window).build().points();
    double peak = Signal.statistic(QpsStatistic.MAX, points);

    double qps =
        Signal.withPrediction(QpsStatistic.MAX, points, Duration.ofSeconds(120), 0, minRises);

    assertThat(qps > peak).isEqualTo(extrapolated);
  }

  @Test
  void predictiveHorizonScalesUpAheadOfTheTrend() {
    Policy policy = Obs.immediate().predictiveHorizon(Duration.ofSeconds(120)).build();
    Observation obs = Obs.series(100, 160, 220, 280).desired(6).build();

    Decision decision = ScalingEngine.decide(policy, obs, ScalerState.INITIAL, NOW);

    assertThat(decision.qps()).hasValueCloseTo(310.0, within(1e-6));
    assertThat(decision.newDesired()).isEqualTo(7);
  }
}
