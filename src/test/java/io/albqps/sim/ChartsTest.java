package io.albqps.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.traffic.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;

class ChartsTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Test
  void writesEveryChartAsANonEmptyPng(@TempDir Path dir) throws Exception {
    SimulationResult result =
        Simulation.builder()
            .load(Scenarios.byName("ray-load-test", 25), "ray-load-test")
            .cluster(ClusterModel.builder().build())
            .policy(
                "follow",
                TestAutoscalers.source(TestAutoscalers.followNewest(50), Duration.ofSeconds(300)))
            .policy(Simulation.ORACLE, SourceFactory.ORACLE)
            .build()
            .run(ProgressListener.NONE);

    assertThat(Charts.writeAll(result, dir)).isEqualTo(Charts.FILES);
    for (String name : Charts.FILES) {
      byte[] png = Files.readAllBytes(dir.resolve(name));
      assertThat(png.length).as(name).isGreaterThan(10_000);
      assertThat(png).as(name).startsWith(PNG_MAGIC);
    }
  }

  @Test
  void longRunsAreDrawnFromBucketsKeepingEachBucketsPeak() {
    SimulationResult result =
        Simulation.builder()
            .load(Scenarios.byName("diurnal", 25), "diurnal")
            .cluster(ClusterModel.builder().build())
            .policy(Simulation.ORACLE, SourceFactory.ORACLE)
            .build()
            .run(ProgressListener.NONE);

    double[] drawn = Charts.qps(result).getSeriesMap().get("QPS").getYData();
    assertThat(drawn.length).isEqualTo(1500);
    double max = 0;
    for (double v : result.qps()) {
      max = Math.max(max, v);
    }
    assertThat(java.util.Arrays.stream(drawn).max().orElseThrow()).isEqualTo(max);
  }

  private static SweepReport sweep(PolicyRun... oursAtEachValue) {
    PolicyRun hpa = HandMadeRuns.run("hpa", 8, 20, 9, 1.1, 6, 1);
    PolicyRun oracle = HandMadeRuns.run("oracle", 0, 0, 8.3, 1.0, 9, 4);
    List<SweepReport.Point> points = new ArrayList<>();
    for (int i = 0; i < oursAtEachValue.length; i++) {
      points.add(
          SweepReport.Point.of(
              Integer.toString(300 * (i + 1)),
              HandMadeRuns.result(8.3, List.of(oursAtEachValue[i], hpa, oracle))));
    }
    return new SweepReport("hand-made", "DOWNSCALE_DELAY_SECONDS", points);
  }

  @Test
  void theTradeoffDrawsOursAsALineThroughEveryValueAndEachBaselineOnce() {
    XYChart chart =
        Charts.tradeoff(
            sweep(
                HandMadeRuns.run("ours", 9, 25, 8.5, 1.02, 7, 2),
                HandMadeRuns.run("ours", 5, 10, 12, 1.45, 3, 0)));

    assertThat(chart.getTitle()).isEqualTo("hand-made: trade-off across DOWNSCALE_DELAY_SECONDS");
    XYSeries ours = chart.getSeriesMap().get("ours");
    assertThat(ours.getXData()).containsExactly(1.02, 1.45);
    assertThat(ours.getYData()).containsExactly(9.0, 5.0);
    assertThat(ours.getXYSeriesRenderStyle()).isEqualTo(XYSeriesRenderStyle.Line);
    XYSeries hpa = chart.getSeriesMap().get("hpa");
    assertThat(hpa.getXData()).containsExactly(1.1);
    assertThat(hpa.getXYSeriesRenderStyle()).isEqualTo(XYSeriesRenderStyle.Scatter);
    assertThat(chart.getSeriesMap()).containsKey("oracle");
  }

  @Test
  void oursPointsAreLabelledWithTheirValueAndFlapsIfAny() {
    assertThat(Charts.oursLabel("900", 0)).isEqualTo("900");
    assertThat(Charts.oursLabel("300", 1)).isEqualTo("300: 1 flap");
    assertThat(Charts.oursLabel("0", 1637)).isEqualTo("0: 1637 flaps");
  }

  @Test
  void theTradeoffIsWrittenAsAPng(@TempDir Path dir) throws Exception {
    SweepReport sweep = sweep(HandMadeRuns.run("ours", 5, 10, 12, 1.45, 3, 0));

    assertThat(Charts.writeTradeoff(sweep, dir)).isTrue();
    assertThat(Files.readAllBytes(dir.resolve(Charts.TRADEOFF_FILE))).startsWith(PNG_MAGIC);
  }

  @Test
  void noTradeoffIsWrittenWithoutTheOracle(@TempDir Path dir) throws Exception {
    SweepReport sweep =
        HandMadeRuns.oneValueSweep(
            "SCALE_TOLERANCE", "0.1", HandMadeRuns.run("ours", 5, 10, 12, Double.NaN, 3, 0));

    assertThat(Charts.writeTradeoff(sweep, dir)).isFalse();
    assertThat(dir.resolve(Charts.TRADEOFF_FILE)).doesNotExist();
  }
}
