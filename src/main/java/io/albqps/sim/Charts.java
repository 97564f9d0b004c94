package io.albqps.sim;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a run as PNG charts (XChart, headless): the load, demand against every policy's supply, and
 * p99 latency, each alone and together in a dashboard. Long runs are drawn from buckets of steps,
 * each point the bucket's maximum, so a spike never disappears between pixels.
 */
public final class Charts {
  /** The files {@link #writeAll} writes, in order. */
  public static final List<String> FILES =
      List.of(
          "qps_over_time.png", "instances_over_time.png", "latency_over_time.png", "dashboard.png");

  private static final int WIDTH = 1200;
  private static final int HEIGHT = 420;
  private static final int MAX_POINTS = 1500;

  private Charts() {}

  /** Writes every chart of {@code result} into {@code dir}; returns the file names. */
  public static List<String> writeAll(SimulationResult result, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(dir);
    XYChart qps = qps(result);
    XYChart instances = instances(result);
    XYChart latency = latency(result);
    save(qps, dir.resolve(FILES.get(0)));
    save(instances, dir.resolve(FILES.get(1)));
    save(latency, dir.resolve(FILES.get(2)));
    try (OutputStream out = Files.newOutputStream(dir.resolve(FILES.get(3)))) {
      BitmapEncoder.saveBitmap(List.of(qps, instances, latency), 3, 1, out, BitmapFormat.PNG);
    }
    return FILES;
  }

  /** The true load. */
  public static XYChart qps(SimulationResult result) {
    XYChart chart = chart(result, "Load: " + result.label(), "QPS");
    double[] qps = result.qps();
    add(chart, result, "QPS", i -> qps[i], XYSeriesRenderStyle.Line, Color.DARK_GRAY);
    return chart;
  }

  /** Demand (instances the load needs) against each policy's InService instances. */
  public static XYChart instances(SimulationResult result) {
    XYChart chart = chart(result, "Demand vs InService instances", "instances");
    int[] demand = result.demand();
    add(chart, result, "demand", i -> demand[i], XYSeriesRenderStyle.Step, Color.BLACK);
    for (PolicyRun run : result.runs()) {
      int[] supply = run.inService();
      add(chart, result, run.name(), i -> supply[i], XYSeriesRenderStyle.Step, null);
    }
    return chart;
  }

  /** Each policy's p99 latency per step, with the SLO. */
  public static XYChart latency(SimulationResult result) {
    XYChart chart = chart(result, "p99 latency", "ms (log)");
    chart.getStyler().setYAxisLogarithmic(true);
    double slo = result.cluster().sloLatency().toMillis();
    add(chart, result, "SLO", i -> slo, XYSeriesRenderStyle.Line, Color.RED);
    for (PolicyRun run : result.runs()) {
      float[] p99 = run.p99Millis();
      add(chart, result, run.name(), i -> p99[i], XYSeriesRenderStyle.Line, null);
    }
    return chart;
  }

  private static XYChart chart(SimulationResult result, String title, String yTitle) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(hoursAxis(result) ? "hours" : "minutes")
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    return chart;
  }

  private static void add(
      XYChart chart,
      SimulationResult result,
      String name,
      IntToDoubleFunction value,
      XYSeriesRenderStyle style,
      Color color) {
    int n = result.steps();
    int buckets = Math.min(n, MAX_POINTS);
    double[] x = new double[buckets];
    double[] y = new double[buckets];
    double unit = hoursAxis(result) ? 3600.0 : 60.0;
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) b * n / buckets);
      int to = (int) ((long) (b + 1) * n / buckets);
      double max = value.applyAsDouble(from);
      for (int i = from + 1; i < to; i++) {
        max = Math.max(max, value.applyAsDouble(i));
      }
      x[b] = from * result.stepSeconds() / unit;
      y[b] = max;
    }
    XYSeries series = chart.addSeries(name, x, y);
    series.setXYSeriesRenderStyle(style);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineWidth(1.5f);
    if (color != null) {
      series.setLineColor(color);
    }
  }

  private static boolean hoursAxis(SimulationResult result) {
    return result.steps() * result.stepSeconds() > 12 * 3600;
  }

  private static void save(XYChart chart, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
    }
  }
}
