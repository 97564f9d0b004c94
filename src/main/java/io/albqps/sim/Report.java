package io.albqps.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Turns a finished run into what people read: a fixed-width table for the terminal, and in an
 * output directory {@code report.md}, {@code metrics.csv} (one row per policy) and {@code
 * timeseries.csv} (one row per step). Numbers are formatted independently of the locale, so the
 * same run gives the same bytes everywhere.
 */
public final class Report {
  /** One metric column: its snake_case name, a short header, its value and decimals. */
  record Column(
      String name, String header, ToDoubleFunction<ElasticityMetrics> value, int decimals) {}

  static final List<Column> COLUMNS =
      List.of(
          new Column(
              "slo_violation_minutes", "SLO viol min", ElasticityMetrics::sloViolationMinutes, 2),
          new Column(
              "underprovisioned_instance_minutes",
              "under inst·min",
              ElasticityMetrics::underprovisionedInstanceMinutes,
              1),
          new Column(
              "overprovisioned_instance_minutes",
              "over inst·min",
              ElasticityMetrics::overprovisionedInstanceMinutes,
              1),
          new Column("gpu_hours", "GPU-h", ElasticityMetrics::gpuHours, 2),
          new Column("gpu_hours_vs_oracle", "vs oracle", ElasticityMetrics::gpuHoursVsOracle, 3),
          new Column("scaling_actions", "actions", m -> m.scalingActions(), 0),
          new Column("flaps", "flaps", m -> m.flaps(), 0),
          new Column("p50_latency_ms", "p50 ms", ElasticityMetrics::p50LatencyMs, 0),
          new Column("p99_latency_ms", "p99 ms", ElasticityMetrics::p99LatencyMs, 0),
          new Column(
              "requests_over_capacity", "req over cap", ElasticityMetrics::requestsOverCapacity, 0),
          new Column("dropped_requests", "dropped", ElasticityMetrics::droppedRequests, 0),
          new Column(
              "time_to_capacity_p50_s",
              "TTC p50 s",
              ElasticityMetrics::timeToCapacityP50Seconds,
              0),
          new Column(
              "time_to_capacity_worst_s",
              "TTC worst s",
              ElasticityMetrics::timeToCapacityWorstSeconds,
              0),
          new Column(
              "under_provisioning_accuracy_pct",
              "a_U %",
              ElasticityMetrics::underProvisioningAccuracyPct,
              2),
          new Column(
              "over_provisioning_accuracy_pct",
              "a_O %",
              ElasticityMetrics::overProvisioningAccuracyPct,
              2),
          new Column(
              "under_provisioning_timeshare_pct",
              "τ_U %",
              ElasticityMetrics::underProvisioningTimesharePct,
              2),
          new Column(
              "over_provisioning_timeshare_pct",
              "τ_O %",
              ElasticityMetrics::overProvisioningTimesharePct,
              2),
          new Column("instability_k_pct", "k %", ElasticityMetrics::instabilityPct, 2),
          new Column("instability_k_prime_pct", "k' %", ElasticityMetrics::instabilityPrimePct, 2),
          new Column("jitter_per_hour", "jitter/h", ElasticityMetrics::jitterPerHour, 2));

  /** The columns of the terminal table: the ones a reader compares first. */
  private static final int TABLE_COLUMNS = 13;

  /** The policy the criteria judge. */
  static final String OURS = "ours";

  private Report() {}

  /** The metric table for a terminal: one row per policy. */
  public static String table(SimulationResult result) {
    List<Column> shown = COLUMNS.subList(0, TABLE_COLUMNS);
    int nameWidth = "policy".length();
    for (PolicyRun run : result.runs()) {
      nameWidth = Math.max(nameWidth, run.name().length());
    }
    StringBuilder out = new StringBuilder();
    out.append(pad("policy", nameWidth, false));
    for (Column c : shown) {
      out.append("  ").append(pad(c.header(), width(c), true));
    }
    out.append('\n');
    for (PolicyRun run : result.runs()) {
      out.append(pad(run.name(), nameWidth, false));
      for (Column c : shown) {
        out.append("  ").append(pad(format(c, run.metrics(), "n/a"), width(c), true));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * A fixed-width table for a terminal: the first column left-aligned, the others right-aligned,
   * each as wide as its widest cell.
   */
  static String alignedTable(String[] headers, List<String[]> rows) {
    int[] widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      widths[i] = headers[i].length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    appendAligned(out, headers, widths);
    for (String[] row : rows) {
      appendAligned(out, row, widths);
    }
    return out.toString();
  }

  private static void appendAligned(StringBuilder out, String[] cells, int[] widths) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append("  ");
      }
      out.append(pad(cells[i], widths[i], i > 0));
    }
    out.append('\n');
  }

  /** {@code metrics.csv}: header {@code policy} then every metric's snake_case name. */
  public static String metricsCsv(SimulationResult result) {
    StringBuilder out = new StringBuilder("policy");
    for (Column c : COLUMNS) {
      out.append(',').append(c.name());
    }
    out.append('\n');
    for (PolicyRun run : result.runs()) {
      out.append(run.name());
      for (Column c : COLUMNS) {
        out.append(',').append(format(c, run.metrics(), ""));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * {@code timeseries.csv}: per step its start, true QPS and demand, then each policy's desired
   * capacity, InService instances and p99 latency.
   */
  public static void writeTimeseries(SimulationResult result, Writer out) throws IOException {
    StringBuilder line = new StringBuilder("t_s,qps,demand");
    for (PolicyRun run : result.runs()) {
      String p = run.name().replace('-', '_');
      line.append(',').append(p).append("_desired,").append(p).append("_in_service,");
      line.append(p).append("_p99_ms");
    }
    out.write(line.append('\n').toString());
    double[] qps = result.qps();
    int[] demand = result.demand();
    for (int i = 0; i < result.steps(); i++) {
      line.setLength(0);
      line.append(i * result.stepSeconds()).append(',').append(fixed(qps[i], 3));
      line.append(',').append(demand[i]);
      for (PolicyRun run : result.runs()) {
        line.append(',').append(run.desired()[i]).append(',').append(run.inService()[i]);
        line.append(',').append(fixed(run.p99Millis()[i], 1));
      }
      out.write(line.append('\n').toString());
    }
  }

  /** {@code report.md}: what was run, on what model, the metrics, and the charts. */
  public static String markdown(SimulationResult result, List<String> chartFiles) {
    ClusterModel m = result.cluster();
    StringBuilder out = new StringBuilder();
    out.append("# Simulation: ").append(result.label()).append("\n\n");
    out.append("| model | value |\n|---|---|\n");
    row(out, "steps", result.steps() + " × " + m.stepSeconds() + " s (" + hours(result) + " h)");
    row(out, "instance capacity at the SLO", fixed(m.capacityQps(), 2) + " QPS");
    row(out, "boot time", m.bootTime().toSeconds() + " s ± " + m.bootSpread().toSeconds() + " s");
    row(
        out,
        "scale-out locks the group",
        m.activityLock()
            .map(lock -> lock.toSeconds() + " s after a launch (or until it serves)")
            .orElse("until the launched instances serve"));
    row(
        out,
        "group",
        "min "
            + m.minInstances()
            + ", max "
            + m.maxInstances()
            + ", initial "
            + (result.runs().isEmpty() ? "-" : result.runs().get(0).initialDesired()));
    row(
        out,
        "CloudMonitor",
        m.cloudMonitorPeriod().toSeconds()
            + " s points, published "
            + m.ingestionLag().toSeconds()
            + " s after their period ends");
    row(out, "evaluation interval", m.evalInterval().toSeconds() + " s");
    row(
        out,
        "latency",
        "service "
            + m.serviceTime().toMillis()
            + " ms, SLO p99 "
            + m.sloLatency().toMillis()
            + " ms, queue timeout "
            + m.queueTimeout().toSeconds()
            + " s");
    row(out, "seed", Long.toString(m.seed()));
    row(out, "oracle GPU-hours", fixed(result.oracleGpuHours(), 2));
    out.append("\n## Metrics\n\n| policy |");
    for (Column c : COLUMNS) {
      out.append(' ').append(c.name()).append(" |");
    }
    out.append("\n|---|");
    out.append("---:|".repeat(COLUMNS.size()));
    out.append('\n');
    for (PolicyRun run : result.runs()) {
      out.append("| ").append(run.name()).append(" |");
      for (Column c : COLUMNS) {
        out.append(' ').append(format(c, run.metrics(), "n/a")).append(" |");
      }
      out.append('\n');
    }
    out.append(
            "\nDemand is ceil(qps / capacity) per step; supply is InService instances; GPU-hours count")
        .append(" booting instances too. Definitions: ElasticityMetrics and")
        .append(" reference/autoscaling-anchors.md §6.\n");
    if (!chartFiles.isEmpty()) {
      out.append("\n## Charts\n\n");
      for (String chart : chartFiles) {
        out.append("![").append(chart).append("](").append(chart).append(")\n");
      }
    }
    return out.toString();
  }

  /**
   * Writes {@code report.md}, {@code metrics.csv} and {@code timeseries.csv} into {@code dir}, and
   * {@code criteria.csv} ({@link Criteria}) when the run holds {@code ours} and {@code hpa}.
   */
  public static void writeAll(SimulationResult result, Path dir, List<String> chartFiles)
      throws IOException {
    Files.createDirectories(dir);
    Optional<List<Criteria.Verdict>> verdicts = Criteria.checkIfRan(result, OURS);
    if (verdicts.isPresent()) {
      Files.writeString(
          dir.resolve("criteria.csv"), Criteria.csv(verdicts.get()), StandardCharsets.UTF_8);
    }
    Files.writeString(
        dir.resolve("report.md"), markdown(result, chartFiles), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("metrics.csv"), metricsCsv(result), StandardCharsets.UTF_8);
    try (BufferedWriter out =
        Files.newBufferedWriter(dir.resolve("timeseries.csv"), StandardCharsets.UTF_8)) {
      writeTimeseries(result, out);
    }
  }

  private static void row(StringBuilder out, String name, String value) {
    out.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  private static String hours(SimulationResult result) {
    return fixed(result.steps() * result.stepSeconds() / 3600.0, 2);
  }

  private static int width(Column c) {
    return Math.max(c.header().length(), 9);
  }

  static String format(Column c, ElasticityMetrics m, String missing) {
    double v = c.value().applyAsDouble(m);
    return Double.isNaN(v) ? missing : fixed(v, c.decimals());
  }

  static String fixed(double value, int decimals) {
    if (decimals == 0) {
      return Long.toString(Math.round(value));
    }
    String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
    return s.startsWith("-") && Double.parseDouble(s) == 0 ? s.substring(1) : s;
  }

  private static String pad(String text, int width, boolean right) {
    if (text.length() >= width) {
      return text;
    }
    String space = " ".repeat(width - text.length());
    return right ? space + text : text + space;
  }
}
