package io.albqps.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One setting of ours swept over several values on the same load (named by {@code load}, as in a
 * run's label): for each value, every policy's metrics and, when the run holds ours and {@code
 * hpa}, how many of {@link Criteria}'s checks ours passes. It keeps the metrics only, not the runs'
 * time series, so a sweep over a two-week trace holds a few numbers per value. What a reader needs
 * to pick a value: the SLO-violation minutes each value buys for its GPU-hours, beside the
 * baselines'.
 */
public record SweepReport(String load, String variable, List<Point> points) {
  /** One policy's figures at one value. */
  public record PolicyMetrics(String policy, ElasticityMetrics metrics) {
    public PolicyMetrics {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(metrics, "metrics");
    }
  }

  /**
   * The run at one value: every policy in run order, and ours' criteria if they could be checked.
   */
  public record Point(
      String value, List<PolicyMetrics> policies, Optional<List<Criteria.Verdict>> criteria) {
    public Point {
      Objects.requireNonNull(value, "value");
      policies = List.copyOf(policies);
      criteria = Objects.requireNonNull(criteria, "criteria").map(List::copyOf);
    }

    /** The figures of {@code result}, taken at {@code value}. */
    public static Point of(String value, SimulationResult result) {
      List<PolicyMetrics> policies = new ArrayList<>();
      for (PolicyRun run : result.runs()) {
        policies.add(new PolicyMetrics(run.name(), run.metrics()));
      }
      return new Point(value, policies, Criteria.checkIfRan(result, Report.OURS));
    }

    /** The figures of {@code policy} at this value, if it ran. */
    public Optional<ElasticityMetrics> metrics(String policy) {
      return policies.stream()
          .filter(p -> p.policy().equals(policy))
          .map(PolicyMetrics::metrics)
          .findFirst();
    }

    /** Ours' passed checks, if they could be checked. */
    public Optional<Long> checksPassed() {
      return criteria.map(verdicts -> verdicts.stream().filter(Criteria.Verdict::passed).count());
    }
  }

  public SweepReport {
    Objects.requireNonNull(load, "load");
    Objects.requireNonNull(variable, "variable");
    points = List.copyOf(points);
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a sweep needs at least one value");
    }
  }

  /**
   * {@code sweep.csv}: {@code value,policy}, every metric of {@code metrics.csv}, then {@code
   * checks_passed} (ours' passed criteria of {@link Criteria#NAMES}; empty for the other policies
   * and when the run holds no {@code hpa}). One row per value and policy.
   */
  public String csv() {
    StringBuilder out = new StringBuilder("value,policy");
    for (Report.Column c : Report.COLUMNS) {
      out.append(',').append(c.name());
    }
    out.append(",checks_passed\n");
    for (Point point : points) {
      for (PolicyMetrics p : point.policies()) {
        out.append(point.value()).append(',').append(p.policy());
        for (Report.Column c : Report.COLUMNS) {
          out.append(',').append(Report.format(c, p.metrics(), ""));
        }
        out.append(',');
        if (p.policy().equals(Report.OURS)) {
          point.checksPassed().ifPresent(out::append);
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Ours at each value, for a terminal: the figures the value trades against each other, and the
   * checks passed out of {@link Criteria#NAMES}. Empty when ours did not run.
   */
  public String oursTable() {
    if (points.get(0).metrics(Report.OURS).isEmpty()) {
      return "";
    }
    String[] headers = {
      variable, "SLO viol min", "GPU-h", "vs oracle", "actions", "flaps", "checks"
    };
    List<String[]> rows = new ArrayList<>();
    for (Point point : points) {
      ElasticityMetrics m = point.metrics(Report.OURS).orElseThrow();
      rows.add(
          new String[] {
            point.value(),
            Report.fixed(m.sloViolationMinutes(), 2),
            Report.fixed(m.gpuHours(), 2),
            Double.isNaN(m.gpuHoursVsOracle()) ? "n/a" : Report.fixed(m.gpuHoursVsOracle(), 3),
            Integer.toString(m.scalingActions()),
            Integer.toString(m.flaps()),
            point
                .checksPassed()
                .map(n -> n + " of " + Criteria.NAMES.size())
                .orElse("n/a (needs hpa)")
          });
    }
    return Report.alignedTable(headers, rows);
  }
}
