package io.albqps.demo;

import io.albqps.sim.ElasticityMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link DemoResult} for a terminal (the per-invocation table and the summary); the files
 * and charts are the simulator's ({@code sim.Report}, {@code sim.Charts}).
 */
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
              r.reason()));
    }
    return sb.toString();
  }

  /** The figures that say how well the fleet followed the load. */
  public static String summary(DemoResult result) {
    DemoOptions o = result.options();
    ElasticityMetrics m = result.metrics();
    List<String[]> lines = new ArrayList<>();
    lines.add(
        row(
            "load",
            "Ray Serve load test, 1 -> 20 -> 40 -> 20 -> 1 users, "
                + fmt(o.qpsPerUser())
                + " QPS each"));
    lines.add(row("preset", o.preset()));
    lines.add(
        row(
            "function",
            (o.staggered() ? "4 staggered copies (0/15/30/45 s)" : "1 copy, every minute")
                + ", target "
                + fmt(o.settings().policy().targetQpsPerInstance())
                + " QPS/instance, look-back "
                + o.settings().metricPeriod().toSeconds()
                + " s, boot "
                + o.bootTime().toSeconds()
                + " s"));
    lines.add(row("invocations", String.valueOf(result.rows().size())));
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
    lines.add(row("SLO-violation minutes", fmt(m.sloViolationMinutes())));
    lines.add(row("under-capacity inst·min", fmt(m.underprovisionedInstanceMinutes())));
    lines.add(row("p99 latency", fmt(m.p99LatencyMs()) + " ms"));
    lines.add(
        row(
            "GPU-hours",
            String.format(Locale.ROOT, "%.2f", m.gpuHours())
                + String.format(
                    Locale.ROOT,
                    " (%.2f x the oracle's %.2f)",
                    m.gpuHoursVsOracle(),
                    result.simulation().oracleGpuHours())));
    StringBuilder sb = new StringBuilder("summary\n");
    for (String[] line : lines) {
      sb.append(String.format(Locale.ROOT, "  %-24s %s%n", line[0], line[1]));
    }
    return sb.toString();
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
