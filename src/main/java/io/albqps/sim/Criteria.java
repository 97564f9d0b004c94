package io.albqps.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy-quality targets of issue 7, checked on one finished run, so "the production preset
 * beats the baselines" is a verdict a script and a test can read rather than a table to eyeball.
 * Every policy in the run other than ours and the clairvoyant ones ({@link Simulation#CLAIRVOYANT})
 * counts as a baseline.
 *
 * <ul>
 *   <li>{@code slo}: fewer SLO-violation minutes than every baseline (a tie at zero passes: there
 *       is nothing left to improve).
 *   <li>{@code under}: fewer under-provisioned instance-minutes than every baseline (same tie
 *       rule).
 *   <li>{@code cost}: GPU-hours at most 5 % above the cheapest baseline whose SLO-violation minutes
 *       are no more than ours (passes when no baseline is that good).
 *   <li>{@code oracle}: GPU-hours at most 1.3 × the oracle's.
 *   <li>{@code flaps}: no direction reversal within 10 minutes.
 *   <li>{@code actions}: fewer scaling actions than {@code hpa} (a tie at zero passes).
 * </ul>
 */
public final class Criteria {
  /** Ours may cost this much more than the cheapest baseline that serves as well. */
  public static final double COST_MARGIN = 1.05;

  /** Ours may cost this much more than the oracle. */
  public static final double ORACLE_MARGIN = 1.3;

  /** The baseline whose action count ours must undercut. */
  static final String ACTIONS_REFERENCE = "hpa";

  /** Differences below this are rounding, not a difference (metrics print with 2 decimals). */
  private static final double EPSILON = 1e-6;

  private Criteria() {}

  /** One target's outcome on one run, with the numbers behind it. */
  public record Verdict(String criterion, boolean passed, String detail) {
    public Verdict {
      Objects.requireNonNull(criterion, "criterion");
      Objects.requireNonNull(detail, "detail");
    }

    /** {@code PASS} or {@code FAIL}. */
    public String outcome() {
      return passed ? "PASS" : "FAIL";
    }
  }

  /** The criterion names, in the order {@link #check} returns them. */
  public static final List<String> NAMES =
      List.of("slo", "under", "cost", "oracle", "flaps", "actions");

  /**
   * Every criterion for the policy called {@code ours} in {@code result}; the run must hold ours
   * and {@code hpa}.
   */
  public static List<Verdict> check(SimulationResult result, String ours) {
    PolicyRun mine = result.run(ours);
    PolicyRun hpa = result.run(ACTIONS_REFERENCE);
    List<PolicyRun> baselines = new ArrayList<>();
    for (PolicyRun run : result.runs()) {
      if (!run.name().equals(ours) && !Simulation.CLAIRVOYANT.contains(run.name())) {
        baselines.add(run);
      }
    }
    ElasticityMetrics m = mine.metrics();
    return List.of(
        fewest("slo", m.sloViolationMinutes(), baselines, true),
        fewest("under", m.underprovisionedInstanceMinutes(), baselines, false),
        cost(m, baselines),
        oracle(m),
        flaps(m),
        actions(m, hpa.metrics()));
  }

  /**
   * {@link #check}, when the run holds {@code ours} and {@code hpa}; empty otherwise (a run of
   * chosen policies has nothing to judge ours against).
   */
  public static Optional<List<Verdict>> checkIfRan(SimulationResult result, String ours) {
    return ran(result, ours) && ran(result, ACTIONS_REFERENCE)
        ? Optional.of(check(result, ours))
        : Optional.empty();
  }

  private static boolean ran(SimulationResult result, String name) {
    return result.runs().stream().anyMatch(r -> r.name().equals(name));
  }

  /** True when every verdict passed. */
  public static boolean allPassed(List<Verdict> verdicts) {
    return verdicts.stream().allMatch(Verdict::passed);
  }

  /** {@code criteria.csv}: {@code criterion,outcome,detail}, one row per criterion. */
  public static String csv(List<Verdict> verdicts) {
    StringBuilder out = new StringBuilder("criterion,outcome,detail\n");
    for (Verdict v : verdicts) {
      out.append(v.criterion()).append(',').append(v.outcome()).append(",\"");
      out.append(v.detail().replace("\"", "\"\"")).append("\"\n");
    }
    return out.toString();
  }

  private static Verdict fewest(String name, double mine, List<PolicyRun> baselines, boolean slo) {
    PolicyRun best = null;
    for (PolicyRun run : baselines) {
      if (best == null || value(run, slo) < value(best, slo)) {
        best = run;
      }
    }
    if (best == null) {
      return new Verdict(name, true, "no baseline in the run");
    }
    double theirs = value(best, slo);
    boolean passed = mine < theirs - EPSILON || (mine < EPSILON && theirs < EPSILON);
    return new Verdict(
        name, passed, "ours " + fixed(mine) + " vs " + best.name() + " " + fixed(theirs));
  }

  private static double value(PolicyRun run, boolean slo) {
    ElasticityMetrics m = run.metrics();
    return slo ? m.sloViolationMinutes() : m.underprovisionedInstanceMinutes();
  }

  private static Verdict cost(ElasticityMetrics mine, List<PolicyRun> baselines) {
    PolicyRun cheapest = null;
    for (PolicyRun run : baselines) {
      ElasticityMetrics m = run.metrics();
      boolean asGood = m.sloViolationMinutes() <= mine.sloViolationMinutes() + EPSILON;
      if (asGood && (cheapest == null || m.gpuHours() < cheapest.metrics().gpuHours())) {
        cheapest = run;
      }
    }
    if (cheapest == null) {
      return new Verdict(
          "cost",
          true,
          "no baseline has as few SLO-violation minutes; ours "
              + fixed(mine.gpuHours())
              + " GPU-h");
    }
    double limit = COST_MARGIN * cheapest.metrics().gpuHours();
    return new Verdict(
        "cost",
        mine.gpuHours() <= limit + EPSILON,
        "ours "
            + fixed(mine.gpuHours())
            + " GPU-h vs "
            + cheapest.name()
            + " "
            + fixed(cheapest.metrics().gpuHours())
            + " (limit "
            + fixed(limit)
            + ")");
  }

  private static Verdict oracle(ElasticityMetrics mine) {
    double ratio = mine.gpuHoursVsOracle();
    return new Verdict(
        "oracle",
        ratio <= ORACLE_MARGIN + EPSILON,
        "ours " + String.format(Locale.ROOT, "%.3f", ratio) + " x the oracle's GPU-hours");
  }

  private static Verdict flaps(ElasticityMetrics mine) {
    return new Verdict("flaps", mine.flaps() == 0, "ours " + mine.flaps() + " flaps");
  }

  private static Verdict actions(ElasticityMetrics mine, ElasticityMetrics hpa) {
    boolean passed =
        mine.scalingActions() < hpa.scalingActions()
            || (mine.scalingActions() == 0 && hpa.scalingActions() == 0);
    return new Verdict(
        "actions",
        passed,
        "ours " + mine.scalingActions() + " vs hpa " + hpa.scalingActions() + " actions");
  }

  private static String fixed(double value) {
    return Report.fixed(value, 2);
  }
}
