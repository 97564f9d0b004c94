package io.albqps.function;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link DemoResult} for a terminal (the per-invocation table and the summary). */
public final class DemoReport {
  private DemoReport() {}

  /** One line per invocation: time, load, what the function saw, the group, action and reason. */
  public static String table(DemoResult result) {
    StringBuilder sb = new StringBuilder();
    boolean staggered = result.options().staggered();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-6s%s %9s %9s %8s %10s %9s  %-11s %s%n",
            "time",
            staggered ? " copy" : "",
            "load_qps",
            "seen_qps",
            "desired",
            "in_service",
            "qps/inst",
            "action",
            "reason"));
    for (DemoResult.Row r : result.rows()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-6s%s %9.1f %9s %8d %10d %9s  %-11s %s%n",
              clock(r.at()),
              staggered ? String.format(Locale.ROOT, " %4d", r.copy()) : "",
              r.loadQps(),
              Double.isNaN(r.seenQps()) ? "-" : String.format(Locale.ROOT, "%.1f", r.seenQps()),
              r.desired(),
              r.inService(),
              r.inService() == 0
                  ? "-"
                  : String.format(Locale.ROOT, "%.1f", r.loadQps() / r.inService()),
              r.action(),
              r.statusCode() >= 500 ? "error (" + r.reason() + ")" : r.reason()));
    }
    return sb.toString();
  }

  /** The figures that say how well the fleet followed the load. */
  public static String summary(DemoResult result) {
    DemoOptions o = result.options();
    List<String[]> lines = new ArrayList<>();
    lines.add(
        row(
            "load",
            "Ray Serve load test, 1 -> 20 -> 40 -> 20 -> 1 users, "
                + fmt(o.qpsPerUser())
                + " QPS each"));
    lines.add(
        row(
            "function",
            (o.staggered() ? "4 staggered copies (0/15/30/45 s)" : "1 copy, every minute")
                + ", target "
                + fmt(o.policy().targetQpsPerInstance())
                + " QPS/instance, look-back "
                + o.metricPeriod().toSeconds()
                + " s, boot "
                + o.bootTime().toSeconds()
                + " s"));
    lines.add(row("invocations", result.rows().size() + " (" + result.errors() + " errors)"));
    lines.add(
        row(
            "scaling actions",
            (result.scaleUps() + result.scaleDowns())
                + " ("
                + result.scaleUps()
                + " up, "
                + result.scaleDowns()
                + " down)"));
    lines.add(row("max instances", String.valueOf(result.maxInstances())));
    lines.add(row("under-capacity minutes", fmt(result.underCapacityMinutes())));
    lines.add(
        row(
            "GPU-minutes",
            fmt(result.gpuMinutes())
                + " (the load needed at least "
                + fmt(result.neededGpuMinutes())
                + ")"));
    StringBuilder sb = new StringBuilder("summary\n");
    for (String[] line : lines) {
      sb.append(String.format(Locale.ROOT, "  %-24s %s%n", line[0], line[1]));
    }
    return sb.toString();
  }

  /** Writes {@code demo.csv}: the fleet every few seconds. */
  public static Path writeCsv(DemoResult result, Path dir) throws IOException {
    StringBuilder sb = new StringBuilder("seconds,load_qps,needed,desired,total,in_service\n");
    for (DemoResult.Sample s : result.samples()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%d,%.3f,%d,%d,%d,%d%n",
              s.at().toSeconds(),
              s.loadQps(),
              s.neededInstances(),
              s.desired(),
              s.total(),
              s.inService()));
    }
    Path file = dir.resolve("demo.csv");
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    return file;
  }

  private static String[] row(String name, String value) {
    return new String[] {name, value};
  }

  private static String clock(Duration at) {
    return String.format(Locale.ROOT, "%02d:%02d", at.toMinutes(), at.toSecondsPart());
  }

  private static String fmt(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
