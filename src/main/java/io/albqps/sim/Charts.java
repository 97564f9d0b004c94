package io.albqps.sim;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
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
 * each point the bucket's maximum, so a spike never disappears between pixels. A sweep is drawn as
 * one trade-off chart: SLO-violation minutes against GPU-hours, ours at each value beside the
 * baselines.
 */
public final class Charts {
  /** The files {@link #writeAll} writes, in order. */
  public static final List<String> FILES =
      List.of(
          "qps_over_time.png", "instances_over_time.png", "latency_over_time.png", "dashboard.png");

  /** The file {@link #writeTradeoff} writes. */
  public static final String TRADEOFF_FILE = "tradeoff.png";

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

  /**
   * Writes {@link #tradeoff} into {@code dir}; false, writing nothing, when the sweep ran without
   * the oracle (the x axis is GPU-hours ÷ the oracle's).
   */
  public static boolean writeTradeoff(SweepReport sweep, Path dir) throws IOException {
    if (sweep.points().get(0).metrics(Simulation.ORACLE).isEmpty()) {
      return false;
    }
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(dir);
    save(tradeoff(sweep), dir.resolve(TRADEOFF_FILE));
    return true;
  }

  /**
   * SLO-violation minutes against GPU-hours ÷ the oracle's: ours as a line through the swept values
   * (each point labelled with its value), every other policy as markers at each value (one marker
   * where a baseline ignores the setting), and the 1.3 × oracle limit of {@link Criteria}. A point
   * left of the limit and below every baseline would pass both checks.
   */
  public static XYChart tradeoff(SweepReport sweep) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT * 3 / 2)
            .title(sweep.load() + ": trade-off across " + sweep.variable())
            .xAxisTitle("GPU-hours ÷ oracle")
            .yAxisTitle("SLO-violation minutes")
            .build();
    chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setMarkerSize(8);
    List<String> policies =
        sweep.points().get(0).policies().stream().map(SweepReport.PolicyMetrics::policy).toList();
    double top = 0;
    for (String policy : policies) {
      double[][] xy = points(sweep, policy);
      if (xy[0].length == 0) {
        continue;
      }
      XYSeries series = chart.addSeries(policy, xy[0], xy[1]);
      boolean ours = policy.equals(Report.OURS);
      series.setXYSeriesRenderStyle(ours ? XYSeriesRenderStyle.Line : XYSeriesRenderStyle.Scatter);
      if (Simulation.CLAIRVOYANT.contains(policy)) {
        series.setMarkerColor(Color.BLACK);
      }
      for (double y : xy[1]) {
        top = Math.max(top, y);
      }
    }
    labelOursValues(chart, sweep, top);
    chart.addAnnotation(new AnnotationLine(Criteria.ORACLE_MARGIN, true, false));
    chart.addAnnotation(
        new AnnotationText(
            Criteria.ORACLE_MARGIN + " × oracle", Criteria.ORACLE_MARGIN, top, false));
    return chart;
  }

  /** A policy's distinct (GPU-hours ÷ oracle, SLO-violation minutes) points, in sweep order. */
  private static double[][] points(SweepReport sweep, String policy) {
    Set<List<Double>> seen = new HashSet<>();
    boolean ours = policy.equals(Report.OURS);
    List<double[]> kept = new ArrayList<>();
    for (SweepReport.Point point : sweep.points()) {
      point
          .metrics(policy)
          .filter(m -> !Double.isNaN(m.gpuHoursVsOracle()))
          .ifPresent(
              m -> {
                double[] xy = {m.gpuHoursVsOracle(), m.sloViolationMinutes()};
                // ours keeps every value (its line follows the sweep); the others one marker each
                if (ours || seen.add(List.of(xy[0], xy[1]))) {
                  kept.add(xy);
                }
              });
    }
    double[][] xy = new double[2][kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      xy[0][i] = kept.get(i)[0];
      xy[1][i] = kept.get(i)[1];
    }
    return xy;
  }

  /** The value, and its flaps if any: what a cheaper point pays that the axes do not show. */
  static String oursLabel(String value, int flaps) {
    return switch (flaps) {
      case 0 -> value;
      case 1 -> value + ": 1 flap";
      default -> value + ": " + flaps + " flaps";
    };
  }

  /** Writes each swept value (and its flaps) a little above ours' point for it. */
  private static void labelOursValues(XYChart chart, SweepReport sweep, double top) {
    for (SweepReport.Point point : sweep.points()) {
      point
          .metrics(Report.OURS)
          .filter(m -> !Double.isNaN(m.gpuHoursVsOracle()))
          .ifPresent(
              m ->
                  chart.addAnnotation(
                      new AnnotationText(
                          oursLabel(point.value(), m.flaps()),
                          m.gpuHoursVsOracle(),
                          m.sloViolationMinutes() + top * 0.025,
                          false)));
    }
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
