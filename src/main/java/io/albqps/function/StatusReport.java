package io.albqps.function;

import io.albqps.cloud.ScalingGroup;
import io.albqps.engine.MetricPoint;
import io.albqps.engine.Policy;
import io.albqps.engine.QpsStatistic;
import io.albqps.engine.ScalerState;
import io.albqps.state.StateDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The {@code status} event's details: the group, the QPS now, and what the state file says
 * (cooldowns with time left, totals, errors, recent actions). Reads only; writes nothing.
 */
final class StatusReport {
  private static final int RECENT_HISTORY = 5;

  private StatusReport() {}

  static Map<String, Object> details(
      Readings readings, StateDocument doc, Policy policy, Duration window, Instant now) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("group", group(readings));
    List<MetricPoint> points = Observations.points(readings.series());
    OptionalDouble qps = qps(points, policy.qpsStatistic());
    int desired = readings.group().desireInstanceNumber();
    details.put("current_qps", Responses.rounded(qps));
    details.put(
        "qps_per_instance",
        qps.isPresent() && desired > 0 ? Responses.round(qps.getAsDouble() / desired) : null);
    details.put("target_qps_per_instance", policy.targetQpsPerInstance());
    details.put("data_points", points.size());
    details.put("metric_period_seconds", window.toSeconds());
    details.put("state", state(doc));
    details.put("cooldowns", cooldowns(doc.scaler(), policy, now));
    details.put("statistics", statistics(doc.statistics()));
    details.put("error_tracking", errors(doc.errorTracking()));
    details.put("recent_history", history(doc.scalingHistory()));
    return details;
  }

  private static Map<String, Object> group(Readings readings) {
    ScalingGroup g = readings.group();
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("id", g.scalingGroupId());
    group.put("name", g.scalingGroupName());
    group.put("lifecycle_state", g.lifecycleState());
    group.put("min_instances", g.minInstanceNumber());
    group.put("max_instances", g.maxInstanceNumber());
    group.put("desired_instances", g.desireInstanceNumber());
    group.put("total_instances", g.totalInstanceCount());
    group.put(
        "in_service_instances",
        readings
            .instances()
            .map(list -> (Object) list.stream().filter(i -> "InService".equals(i.status())).count())
            .orElse(null));
    group.put("activity_in_progress", readings.activityInProgress());
    return group;
  }

  /** The statistic over the window, as the engine would compute it (empty without points). */
  static OptionalDouble qps(List<MetricPoint> points, QpsStatistic statistic) {
    if (points.isEmpty()) {
      return OptionalDouble.empty();
    }
    double[] values = points.stream().mapToDouble(MetricPoint::qps).toArray();
    return switch (statistic) {
      case MEAN -> java.util.Arrays.stream(values).average();
      case MAX -> java.util.Arrays.stream(values).max();
      case LATEST -> OptionalDouble.of(values[values.length - 1]);
      case P90 -> {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.9 * sorted.length);
        yield OptionalDouble.of(sorted[Math.max(0, rank - 1)]);
      }
    };
  }

  private static Map<String, Object> state(StateDocument doc) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("revision", doc.revision());
    state.put("created_at", doc.createdAt().toString());
    state.put("last_updated", doc.lastUpdated().toString());
    state.put("updated_by", doc.updatedBy());
    return state;
  }

  private static Map<String, Object> cooldowns(ScalerState s, Policy policy, Instant now) {
    Map<String, Object> cooldowns = new LinkedHashMap<>();
    cooldowns.put("general", cooldown(s.lastGeneralAction(), policy.generalCooldown(), now));
    cooldowns.put("scale_up", cooldown(s.lastScaleUp(), policy.scaleUpCooldown(), now));
    cooldowns.put("scale_down", cooldown(s.lastScaleDown(), policy.scaleDownCooldown(), now));
    cooldowns.put("last_scaling_action", s.lastScalingAction().map(Instant::toString).orElse(null));
    return cooldowns;
  }

  private static Map<String, Object> cooldown(
      Optional<Instant> last, Duration length, Instant now) {
    Map<String, Object> cooldown = new LinkedHashMap<>();
    cooldown.put("last", last.map(Instant::toString).orElse(null));
    cooldown.put("cooldown_seconds", length.toSeconds());
    long remaining =
        last.map(t -> Responses.ceilSeconds(Duration.between(now, t.plus(length))))
            .map(r -> Math.max(0, r))
            .orElse(0L);
    cooldown.put("remaining_seconds", remaining);
    return cooldown;
  }

  private static Map<String, Object> statistics(StateDocument.Statistics s) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("total_scale_ups", s.totalScaleUps());
    map.put("total_scale_downs", s.totalScaleDowns());
    map.put("total_executions", s.totalExecutions());
    map.put("total_errors", s.totalErrors());
    return map;
  }

  private static Map<String, Object> errors(StateDocument.ErrorTracking tracking) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("consecutive_errors", tracking.consecutiveErrors());
    map.put(
        "last_error",
        tracking
            .lastError()
            .map(
                e -> {
                  Map<String, Object> last = new LinkedHashMap<>();
                  last.put("message", e.message());
                  last.put("type", e.type());
                  last.put("timestamp", e.timestamp().toString());
                  return (Object) last;
                })
            .orElse(null));
    return map;
  }

  private static List<Map<String, Object>> history(List<StateDocument.HistoryEntry> entries) {
    return entries.subList(Math.max(0, entries.size() - RECENT_HISTORY), entries.size()).stream()
        .map(StatusReport::entry)
        .toList();
  }

  private static Map<String, Object> entry(StateDocument.HistoryEntry e) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("at", e.at().toString());
    map.put("action", e.action());
    map.put("reason", e.reason());
    map.put("from_desired", e.fromDesired());
    map.put("to_desired", e.toDesired());
    map.put("qps", Responses.rounded(e.qps()));
    map.put("dry_run", e.dryRun());
    map.put("execution_id", e.executionId());
    return map;
  }
}
