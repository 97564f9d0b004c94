package io.albqps.function;

import io.albqps.engine.Decision;
import io.albqps.engine.Observation;
import io.albqps.engine.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Builds the responses of DESIGN §6 from what an invocation did: the original's fields first, then
 * the ones this project adds. Times and execution ids come from the caller, so the same inputs give
 * the same JSON (golden files).
 */
final class Responses {
  static final String ERROR_ACTION = "error";

  private Responses() {}

  static Response evaluation(
      Outcome outcome, Policy policy, Instant timestamp, String executionId) {
    Decision d = outcome.decision();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("current_qps", rounded(d.qps()));
    details.put("current_instances", d.currentDesired());
    details.put("qps_per_instance", rounded(d.qpsPerInstance()));
    details.put("target_qps_per_instance", policy.targetQpsPerInstance());
    details.put("scale_up_threshold", round(policy.scaleUpQps()));
    details.put("scale_down_threshold", round(policy.scaleDownQps()));
    details.put("scaling_amount", Math.abs(d.change()));
    details.put("dry_run", outcome.dryRun());
    details.put("execution_result", executionResult(outcome));
    details.put("new_desired", d.newDesired());
    details.put("cooldown_remaining_seconds", ceilSeconds(d.cooldownRemaining()));
    details.put("optimal_instances", d.recommended());
    details.put("required_change", d.recommended() - d.currentDesired());
    details.put("limited_by_safety", d.limitedBySafety());
    Observation o = outcome.observation();
    details.put("total_instances", o.group().totalInstances());
    details.put("in_service_instances", o.group().inServiceInstances());
    details.put("min_instances", o.group().minInstances());
    details.put("max_instances", o.group().maxInstances());
    details.put("activity_in_progress", o.activityInProgress());
    details.put("re_decided", outcome.reDecided());
    details.put("state_revision", outcome.saved().revision());
    Response.Result result =
        new Response.Result(
            d.action().wireName(), Response.SUCCESS, d.reason().wireName(), details);
    return new Response(
        200, timestamp, executionId, result, metrics(o, policy), 0, Optional.empty());
  }

  static Response failure(Failure failure, boolean dryRun, Instant timestamp, String executionId) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("dry_run", dryRun);
    details.put("failed_call", failure.call());
    Response.Result result =
        new Response.Result(ERROR_ACTION, Response.ERROR, failure.message(), details);
    return new Response(
        500, timestamp, executionId, result, Map.of(), 0, Optional.of(failure.toMap()));
  }

  static Response badRequest(String message, Instant timestamp, String executionId) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(
        "allowed_types",
        List.of(
            Event.Type.SCALING_EVALUATION.wireName(),
            Event.Type.STATUS.wireName(),
            Event.Type.VALIDATION.wireName(),
            Event.Type.TIMER.wireName(),
            Event.Type.BYTEFAAS_TIMER));
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", "invalid_event");
    error.put("message", message);
    Response.Result result = new Response.Result(ERROR_ACTION, Response.ERROR, message, details);
    return new Response(400, timestamp, executionId, result, Map.of(), 0, Optional.of(error));
  }

  static Response report(
      String action,
      boolean ok,
      String message,
      Map<String, Object> details,
      Instant timestamp,
      String executionId) {
    Response.Result result =
        new Response.Result(action, ok ? Response.SUCCESS : Response.ERROR, message, details);
    return new Response(200, timestamp, executionId, result, Map.of(), 0, Optional.empty());
  }

  private static Map<String, Object> executionResult(Outcome outcome) {
    Decision d = outcome.decision();
    if (!d.changesCapacity()) {
      return null;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("status", outcome.executed() ? Response.SUCCESS : "dry_run");
    result.put("previous_desired", d.currentDesired());
    result.put("new_desired", d.newDesired());
    return result;
  }

  private static Map<String, Object> metrics(Observation o, Policy policy) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("qps_statistic", policy.qpsStatistic().wireName());
    metrics.put("metric_period_seconds", o.window().toSeconds());
    metrics.put("data_points", o.points().size());
    metrics.put("expected_points", o.expectedPoints());
    metrics.put(
        "newest_point",
        o.points().isEmpty() ? null : o.points().get(o.points().size() - 1).timestamp().toString());
    return metrics;
  }

  static long ceilSeconds(Duration duration) {
    long seconds = duration.toSeconds();
    return duration.toNanosPart() > 0 ? seconds + 1 : seconds;
  }

  static Double rounded(OptionalDouble value) {
    return value.isPresent() ? round(value.getAsDouble()) : null;
  }

  static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }
}
