package io.albqps.function;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The demo's two PNG charts: the load over time, and needed vs desired vs InService instances. */
public final class DemoCharts {
  private DemoCharts() {}

  /** Writes {@code demo_qps.png} and {@code demo_instances.png}; returns their paths. */
  public static List<Path> writeAll(DemoResult result, Path dir) throws IOException {
    double[] minutes =
        result.samples().stream().mapToDouble(s -> s.at().toMillis() / 60000.0).toArray();
    XYChart qps = chart("Load (QPS)", "QPS");
    line(
        qps,
        "load",
        minutes,
        result.samples().stream().mapToDouble(DemoResult.Sample::loadQps).toArray());
    XYChart instances = chart("Instances: needed vs desired vs InService", "instances");
    line(
        instances,
        "needed",
        minutes,
        result.samples().stream().mapToDouble(DemoResult.Sample::neededInstances).toArray());
    line(
        instances,
        "desired",
        minutes,
        result.samples().stream().mapToDouble(DemoResult.Sample::desired).toArray());
    line(
        instances,
        "InService",
        minutes,
        result.samples().stream().mapToDouble(DemoResult.Sample::inService).toArray());
    Path qpsFile = dir.resolve("demo_qps.png");
    Path instancesFile = dir.resolve("demo_instances.png");
    BitmapEncoder.saveBitmap(qps, qpsFile.toString(), BitmapEncoder.BitmapFormat.PNG);
    BitmapEncoder.saveBitmap(instances, instancesFile.toString(), BitmapEncoder.BitmapFormat.PNG);
    return List.of(qpsFile, instancesFile);
  }

  private static XYChart chart(String title, String yTitle) {
    XYChart chart =
        new XYChartBuilder()
            .width(1000)
            .height(400)
            .title(title)
            .xAxisTitle("minutes")
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setMarkerSize(0);
    return chart;
  }

  private static void line(XYChart chart, String name, double[] x, double[] y) {
    XYSeries series = chart.addSeries(name, x, y);
    series.setMarker(SeriesMarkers.NONE);
  }
}
