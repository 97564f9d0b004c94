package io.albqps.state;

import io.albqps.engine.ScalerState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The whole state file (DESIGN §5, schema "2"): the engine's state plus what the function keeps for
 * people and alerts. {@code revision} increases by one on every write; staggered copies use it to
 * detect that another copy wrote in between.
 */
public record StateDocument(
    long revision,
    Instant createdAt,
    Instant lastUpdated,
    String updatedBy,
    ScalerState scaler,
    MetricsCache metricsCache,
    ErrorTracking errorTracking,
    Statistics statistics,
    List<HistoryEntry> scalingHistory) {

  public static final String SCHEMA = "2";
  public static final int MAX_HISTORY = 100;

  public StateDocument {
    if (revision < 0) {
      throw new IllegalArgumentException("revision must be >= 0, got " + revision);
    }
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastUpdated, "lastUpdated");
    Objects.requireNonNull(updatedBy, "updatedBy");
    Objects.requireNonNull(scaler, "scaler");
    Objects.requireNonNull(metricsCache, "metricsCache");
    Objects.requireNonNull(errorTracking, "errorTracking");
    Objects.requireNonNull(statistics, "statistics");
    scalingHistory = List.copyOf(scalingHistory);
    if (scalingHistory.size() > MAX_HISTORY) {
      scalingHistory =
          scalingHistory.subList(scalingHistory.size() - MAX_HISTORY, scalingHistory.size());
    }
  }

  /** A new, empty document at revision 0. */
  public static StateDocument fresh(Instant now, ScalerState scaler) {
    return new StateDocument(
        0,
        now,
        now,
        "",
        scaler,
        MetricsCache.EMPTY,
        ErrorTracking.NONE,
        Statistics.ZERO,
        List.of());
  }

  /** This document as a store writes it: the next revision, stamped with when and by whom. */
  StateDocument stamped(long newRevision, Instant now, String executionId) {
    return new StateDocument(
        newRevision,
        createdAt,
        now,
        executionId,
        scaler,
        metricsCache,
        errorTracking,
        statistics,
        scalingHistory);
  }

  /** The last QPS and instance count seen; for status output and alerts. */
  public record MetricsCache(
      OptionalDouble lastQpsValue, Optional<Instant> lastQpsTimestamp, int lastInstanceCount) {
    public static final MetricsCache EMPTY =
        new MetricsCache(OptionalDouble.empty(), Optional.empty(), 0);
  }

  /** Consecutive failed evaluations and the last error (its message never holds a secret). */
  public record ErrorTracking(int consecutiveErrors, Optional<LastError> lastError) {
    public static final ErrorTracking NONE = new ErrorTracking(0, Optional.empty());

    public record LastError(String message, String type, Instant timestamp) {}
  }

  /** Running totals since the state file was created. */
  public record Statistics(
      long totalScaleUps, long totalScaleDowns, long totalExecutions, long totalErrors) {
    public static final Statistics ZERO = new Statistics(0, 0, 0, 0);
  }

  /** One executed (or dry-run) action, as kept in {@code scaling_history}. */
  public record HistoryEntry(
      Instant at,
      String action,
      String reason,
      int fromDesired,
      int toDesired,
      OptionalDouble qps,
      boolean dryRun,
      String executionId) {}
}
