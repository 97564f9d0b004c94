package io.albqps.state;

import io.albqps.state.StateDocument.ErrorTracking;
import io.albqps.state.StateDocument.HistoryEntry;
import io.albqps.state.StateDocument.MetricsCache;
import io.albqps.state.StateDocument.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Upgrades the original Python solution's state file ({@code "version":"1.0"}, reference §6) to a
 * schema-2 document, so that switching to this autoscaler keeps the cooldowns in force: a deploy
 * must never free a scale-down that the old function was still holding back.
 */
final class LegacyState {
  static final String VERSION = "1.0";

  /** {@code updated_by} of an upgraded document, until the first write replaces it. */
  static final String UPGRADED_BY = "schema-1.0";

  private LegacyState() {}

  /**
   * The schema-2 equivalent at revision 0. {@code cooldown_state} is required (the original always
   * writes it); other sections default to empty when absent, as the original reads them.
   */
  static StateDocument upgrade(JsonFields root) throws StateFormatException {
    try {
      return new StateDocument(
          0,
          root.instant("created_at"),
          root.instant("last_updated"),
          UPGRADED_BY,
          StateJson.scaler(root.object("cooldown_state"), List.of()),
          metricsCache(root.optionalObject("metrics_cache")),
          errorTracking(root.optionalObject("error_tracking")),
          statistics(root.optionalObject("statistics")),
          history(root.objectsOrNone("scaling_history")));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new StateFormatException("inconsistent version 1.0 document: " + e.getMessage(), e);
    }
  }

  private static MetricsCache metricsCache(Optional<JsonFields> section)
      throws StateFormatException {
    if (section.isEmpty()) {
      return MetricsCache.EMPTY;
    }
    JsonFields cache = section.get();
    return new MetricsCache(
        cache.optionalRate("last_qps_value"),
        cache.optionalInstant("last_qps_timestamp"),
        cache.smallCountOr("last_instance_count", 0));
  }

  private static ErrorTracking errorTracking(Optional<JsonFields> section)
      throws StateFormatException {
    if (section.isEmpty()) {
      return ErrorTracking.NONE;
    }
    JsonFields tracking = section.get();
    Optional<ErrorTracking.LastError> lastError = Optional.empty();
    Optional<JsonFields> last = tracking.optionalObject("last_error");
    if (last.isPresent()) {
      lastError =
          Optional.of(
              new ErrorTracking.LastError(
                  last.get().optionalText("message").orElse(""),
                  last.get().optionalText("type").orElse("general"),
                  last.get().instant("timestamp")));
    }
    return new ErrorTracking(tracking.smallCountOr("consecutive_errors", 0), lastError);
  }

  private static Statistics statistics(Optional<JsonFields> section) throws StateFormatException {
    if (section.isEmpty()) {
      return Statistics.ZERO;
    }
    JsonFields stats = section.get();
    return new Statistics(
        stats.countOr("total_scale_ups", 0),
        stats.countOr("total_scale_downs", 0),
        stats.countOr("total_executions", 0),
        stats.countOr("total_errors", 0));
  }

  /**
   * The original's activities hold {@code current_instances} and {@code scaling_amount} but not the
   * target, so {@code to_desired} is rebuilt as current ± amount (amount 1 when absent, as the
   * original's static steps).
   */
  private static List<HistoryEntry> history(List<JsonFields> activities)
      throws StateFormatException {
    List<HistoryEntry> history = new ArrayList<>(activities.size());
    for (JsonFields activity : activities) {
      String action = activity.text("action");
      int from = activity.smallCountOr("current_instances", 0);
      int amount = activity.smallCountOr("scaling_amount", 1);
      int to =
          switch (action) {
            case "scale_up" -> (int) Math.min(Integer.MAX_VALUE, (long) from + amount);
            case "scale_down" -> Math.max(0, from - amount);
            default -> from;
          };
      history.add(
          new HistoryEntry(
              activity.instant("timestamp"),
              action,
              activity.optionalText("reason").orElse(""),
              from,
              to,
              activity.optionalRate("current_qps"),
              activity.boolOr("dry_run", false),
              ""));
    }
    return history;
  }
}
