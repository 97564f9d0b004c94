package io.albqps.function;

import io.albqps.engine.Decision;
import io.albqps.engine.MetricPoint;
import io.albqps.engine.Observation;
import io.albqps.engine.Reason;
import io.albqps.engine.ScalerState;
import io.albqps.state.StateDocument;
import io.albqps.state.StateDocument.ErrorTracking;
import io.albqps.state.StateDocument.HistoryEntry;
import io.albqps.state.StateDocument.MetricsCache;
import io.albqps.state.StateDocument.Statistics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The next state document after an evaluation, as pure functions of the document read: a real run
 * records the engine state, cooldowns of an executed action, history, cache, totals and clears the
 * error streak; a dry run records only the metrics cache and the totals (DESIGN §5).
 */
final class StateUpdates {
  static final String NO_DATA_MESSAGE =
      "metrics_unavailable: no fresh QPS points in the look-back window";

  private StateUpdates() {}

  /** After a real (not dry) evaluation; {@code executed} when the modify call succeeded. */
  static StateDocument afterEvaluation(
      StateDocument doc,
      Decision decision,
      Observation observation,
      boolean executed,
      Instant now,
      String executionId) {
    // Cooldowns come from the document (possibly re-read after a conflict), never from the
    // decision: the engine's next state carries only the recommendation history.
    ScalerState scaler = doc.scaler().withRecommendations(decision.nextState().recommendations());
    List<HistoryEntry> history = doc.scalingHistory();
    if (executed) {
      scaler = scaler.afterAction(decision.action(), now);
      history = new ArrayList<>(history);
      history.add(
          new HistoryEntry(
              now,
              decision.action().wireName(),
              decision.reason().wireName(),
              decision.currentDesired(),
              decision.newDesired(),
              decision.qps(),
              false,
              executionId));
    }
    return new StateDocument(
        doc.revision(),
        doc.createdAt(),
        now,
        executionId,
        scaler,
        cache(doc.metricsCache(), decision, observation),
        tracking(doc.errorTracking(), decision, now),
        counted(doc.statistics(), decision, executed, false),
        history);
  }

  /**
   * A real evaluation clears the problem streak, except one without QPS data: a metrics outage is a
   * hold, not an error, but in a row it is a repeated problem and counts towards the alert.
   */
  private static ErrorTracking tracking(ErrorTracking previous, Decision decision, Instant now) {
    if (decision.reason() != Reason.METRICS_UNAVAILABLE) {
      return new ErrorTracking(0, previous.lastError());
    }
    return new ErrorTracking(
        previous.consecutiveErrors() + 1,
        Optional.of(
            new ErrorTracking.LastError(
                NO_DATA_MESSAGE, Reason.METRICS_UNAVAILABLE.wireName(), now)));
  }

  /** After a dry run: only the metrics cache and the totals change. */
  static StateDocument afterDryRun(
      StateDocument doc, Decision decision, Observation observation, Instant now, String id) {
    return new StateDocument(
        doc.revision(),
        doc.createdAt(),
        now,
        id,
        doc.scaler(),
        cache(doc.metricsCache(), decision, observation),
        doc.errorTracking(),
        counted(doc.statistics(), decision, false, false),
        doc.scalingHistory());
  }

  /** After a failed evaluation: one more error in the streak (not for a dry run) and the totals. */
  static StateDocument afterFailure(
      StateDocument doc, Failure failure, boolean dryRun, Instant now, String executionId) {
    ErrorTracking tracking =
        dryRun
            ? doc.errorTracking()
            : new ErrorTracking(
                doc.errorTracking().consecutiveErrors() + 1,
                Optional.of(new ErrorTracking.LastError(failure.message(), failure.type(), now)));
    return new StateDocument(
        doc.revision(),
        doc.createdAt(),
        now,
        executionId,
        doc.scaler(),
        doc.metricsCache(),
        tracking,
        counted(doc.statistics(), null, false, true),
        doc.scalingHistory());
  }

  private static MetricsCache cache(
      MetricsCache previous, Decision decision, Observation observation) {
    List<MetricPoint> points = observation.points();
    int instances = observation.group().totalInstances();
    if (points.isEmpty() || decision.qps().isEmpty()) {
      return new MetricsCache(previous.lastQpsValue(), previous.lastQpsTimestamp(), instances);
    }
    Instant newest = points.get(points.size() - 1).timestamp();
    return new MetricsCache(
        OptionalDouble.of(decision.qps().getAsDouble()), Optional.of(newest), instances);
  }

  private static Statistics counted(
      Statistics s, Decision decision, boolean executed, boolean failed) {
    boolean up = executed && decision.change() > 0;
    boolean down = executed && decision.change() < 0;
    return new Statistics(
        s.totalScaleUps() + (up ? 1 : 0),
        s.totalScaleDowns() + (down ? 1 : 0),
        s.totalExecutions() + 1,
        s.totalErrors() + (failed ? 1 : 0));
  }
}
