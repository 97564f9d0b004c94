package io.albqps.function;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The function's answer, the original solution's response kept field for field (DESIGN §6): status
 * code, timestamp, execution id, format version, the result with its details, and the time taken.
 * Maps keep insertion order and may hold nulls (JSON {@code null}); they never hold a secret.
 */
public record Response(
    int statusCode,
    Instant timestamp,
    String executionId,
    Result result,
    Map<String, Object> metrics,
    long executionTimeMillis,
    Optional<Map<String, Object>> error) {

  /** The response format version; the original's {@code "1.0"}. */
  public static final String VERSION = "1.0";

  public static final String SUCCESS = "success";
  public static final String ERROR = "error";

  public Response {
    if (statusCode < 100 || statusCode > 599) {
      throw new IllegalArgumentException("statusCode must be an HTTP status, got " + statusCode);
    }
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(result, "result");
    metrics = ordered(metrics);
    Objects.requireNonNull(error, "error");
    error = error.map(Response::ordered);
  }

  public String version() {
    return VERSION;
  }

  public boolean failed() {
    return statusCode >= 500;
  }

  /** This response with the time the invocation took. */
  public Response withExecutionTime(long millis) {
    return new Response(statusCode, timestamp, executionId, result, metrics, millis, error);
  }

  static Map<String, Object> ordered(Map<String, Object> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** What happened: {@code action}, {@code status} (success or error), message and details. */
  public record Result(String action, String status, String message, Map<String, Object> details) {
    public Result {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(message, "message");
      details = ordered(details);
    }
  }
}
