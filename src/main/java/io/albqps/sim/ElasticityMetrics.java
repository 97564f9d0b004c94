package io.albqps.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How well one policy's supply followed the demand over a run: the SPEC RG elasticity metrics and
 * the practical ones of {@code reference/autoscaling-anchors.md} §6. Demand {@code d} is the
 * instances the load needs at each step, supply {@code s} the InService instances, and the paid
 * instances the desired capacity (booting instances cost as much as serving ones).
 *
 * @param underProvisioningAccuracyPct a_U = 100/N · Σ (d − s)+ / max(d, 1): % of demand missing
 * @param overProvisioningAccuracyPct a_O = 100/N · Σ (s − d)+ / max(d, 1): % of demand in excess
 * @param underProvisioningTimesharePct τ_U: % of time with s < d
 * @param overProvisioningTimesharePct τ_O: % of time with s > d
 * @param instabilityPct k: % of step transitions where supply moves more upward than demand (sgn Δs
 *     > sgn Δd)
 * @param instabilityPrimePct k': % of transitions where supply moves more downward (sgn Δs < sgn
 *     Δd), i.e. lags a rise or drops early
 * @param jitterPerHour (Σ |Δs| − Σ |Δd|) per hour: negative = too inert, positive = thrashing
 * @param gpuHours Σ paid instances × step, in hours
 * @param gpuHoursVsOracle gpuHours over the oracle's (NaN when unknown)
 * @param sloViolationMinutes minutes of steps whose p99 latency exceeds the SLO or that drop
 *     requests
 * @param underprovisionedInstanceMinutes Σ (d − s)+ × step, in instance-minutes
 * @param overprovisionedInstanceMinutes Σ (s − d)+ × step, in instance-minutes
 * @param requestsOverCapacity requests that arrived beyond what the InService instances serve
 * @param droppedRequests requests that timed out in the queue or found no instance
 * @param p50LatencyMs request-weighted median latency of the run
 * @param p99LatencyMs request-weighted 99th percentile latency of the run
 * @param timeToCapacityP50Seconds median time from a demand rise that left supply short until
 *     supply met demand again (0 when no rise left it short)
 * @param timeToCapacityWorstSeconds the longest such time
 * @param scalingActions changes of the desired capacity
 * @param flaps changes in the direction opposite to the previous change, within 10 minutes of it
 */
public record ElasticityMetrics(
    double underProvisioningAccuracyPct,
    double overProvisioningAccuracyPct,
    double underProvisioningTimesharePct,
    double overProvisioningTimesharePct,
    double instabilityPct,
    double instabilityPrimePct,
    double jitterPerHour,
    double gpuHours,
    double gpuHoursVsOracle,
    double sloViolationMinutes,
    double underprovisionedInstanceMinutes,
    double overprovisionedInstanceMinutes,
    double requestsOverCapacity,
    double droppedRequests,
    double p50LatencyMs,
    double p99LatencyMs,
    double timeToCapacityP50Seconds,
    double timeToCapacityWorstSeconds,
    int scalingActions,
    int flaps) {

  /** Direction reversals closer than this are flaps. */
  public static final long FLAP_WINDOW_SECONDS = 600;

  /** What the queue model measured over the run. */
  public record ServiceLevel(
      int sloViolationSteps,
      double requestsOverCapacity,
      double droppedRequests,
      double p50LatencyMs,
      double p99LatencyMs) {}

  /**
   * The metrics of one run.
   *
   * @param demand instances needed per step
   * @param supply InService instances per step
   * @param desired desired capacity per step after that step's evaluation (the paid instances)
   * @param initialDesired the desired capacity before the first step
   * @param oracleGpuHours the oracle's GPU-hours on the same run, or NaN
   */
  public static ElasticityMetrics compute(
      int[] demand,
      int[] supply,
      int[] desired,
      int initialDesired,
      long stepSeconds,
      ServiceLevel service,
      double oracleGpuHours) {
    int n = demand.length;
    if (n == 0 || supply.length != n || desired.length != n || stepSeconds <= 0) {
      throw new IllegalArgumentException(
          "need equally long, non-empty curves and a positive step; got "
              + n
              + ", "
              + supply.length
              + ", "
              + desired.length
              + " steps of "
              + stepSeconds
              + " s");
    }
    double minutesPerStep = stepSeconds / 60.0;
    double underRatio = 0;
    double overRatio = 0;
    int underSteps = 0;
    int overSteps = 0;
    long underUnits = 0;
    long overUnits = 0;
    long paidUnits = 0;
    for (int i = 0; i < n; i++) {
      int gap = demand[i] - supply[i];
      int base = Math.max(demand[i], 1);
      if (gap > 0) {
        underRatio += (double) gap / base;
        underSteps++;
        underUnits += gap;
      } else if (gap < 0) {
        overRatio += (double) -gap / base;
        overSteps++;
        overUnits -= gap;
      }
      paidUnits += desired[i];
    }
    double gpuHours = paidUnits * stepSeconds / 3600.0;
    double[] ttc = timeToCapacity(demand, supply, stepSeconds);
    int[] moves = actionsAndFlaps(desired, initialDesired, stepSeconds);
    return new ElasticityMetrics(
        100.0 * underRatio / n,
        100.0 * overRatio / n,
        100.0 * underSteps / n,
        100.0 * overSteps / n,
        instability(supply, demand),
        instability(demand, supply),
        jitterPerHour(demand, supply, n * stepSeconds),
        gpuHours,
        oracleGpuHours > 0 ? gpuHours / oracleGpuHours : Double.NaN,
        service.sloViolationSteps() * minutesPerStep,
        underUnits * minutesPerStep,
        overUnits * minutesPerStep,
        service.requestsOverCapacity(),
        service.droppedRequests(),
        service.p50LatencyMs(),
        service.p99LatencyMs(),
        ttc[0],
        ttc[1],
        moves[0],
        moves[1]);
  }

  /** % of transitions where {@code a} moves in a more upward direction than {@code b}. */
  private static double instability(int[] a, int[] b) {
    if (a.length < 2) {
      return 0;
    }
    int count = 0;
    for (int i = 1; i < a.length; i++) {
      if (Integer.signum(a[i] - a[i - 1]) > Integer.signum(b[i] - b[i - 1])) {
        count++;
      }
    }
    return 100.0 * count / (a.length - 1);
  }

  private static double jitterPerHour(int[] demand, int[] supply, long seconds) {
    long supplyEvents = 0;
    long demandEvents = 0;
    for (int i = 1; i < demand.length; i++) {
      supplyEvents += Math.abs(supply[i] - supply[i - 1]);
      demandEvents += Math.abs(demand[i] - demand[i - 1]);
    }
    return (supplyEvents - demandEvents) / (seconds / 3600.0);
  }

  /** {p50, worst} of the under-provisioning episodes that a demand rise started. */
  private static double[] timeToCapacity(int[] demand, int[] supply, long stepSeconds) {
    List<Long> episodes = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < demand.length; i++) {
      boolean isShort = supply[i] < demand[i];
      if (start < 0 && isShort && i > 0 && demand[i] > demand[i - 1]) {
        start = i;
      } else if (start >= 0 && !isShort) {
        episodes.add((i - start) * stepSeconds);
        start = -1;
      }
    }
    if (start >= 0) {
      episodes.add((demand.length - start) * stepSeconds);
    }
    if (episodes.isEmpty()) {
      return new double[] {0, 0};
    }
    Collections.sort(episodes);
    double median =
        episodes.size() % 2 == 1
            ? episodes.get(episodes.size() / 2)
            : (episodes.get(episodes.size() / 2 - 1) + episodes.get(episodes.size() / 2)) / 2.0;
    return new double[] {median, episodes.get(episodes.size() - 1)};
  }

  /** {actions, flaps} from the desired-capacity curve. */
  private static int[] actionsAndFlaps(int[] desired, int initial, long stepSeconds) {
    int actions = 0;
    int flaps = 0;
    int lastDirection = 0;
    long lastAt = Long.MIN_VALUE;
    int previous = initial;
    for (int i = 0; i < desired.length; i++) {
      int direction = Integer.signum(desired[i] - previous);
      previous = desired[i];
      if (direction == 0) {
        continue;
      }
      long at = i * stepSeconds;
      actions++;
      if (lastDirection != 0 && direction != lastDirection && at - lastAt <= FLAP_WINDOW_SECONDS) {
        flaps++;
      }
      lastDirection = direction;
      lastAt = at;
    }
    return new int[] {actions, flaps};
  }
}
