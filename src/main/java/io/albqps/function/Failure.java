package io.albqps.function;

import io.albqps.cloud.ApiException;
import io.albqps.config.ConfigException;
import io.albqps.state.StateStoreException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why an invocation failed, as the response and the state's error tracking show it: a type, the
 * failing call when there was one, and a message that names the call, its error code and request
 * id. Built only from exception messages this project writes, which never hold a secret.
 */
record Failure(String type, String call, String message, Map<String, Object> facts) {
  Failure {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    facts = Response.ordered(facts);
  }

  static Failure of(Throwable error) {
    if (error instanceof ApiException api) {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("call", api.action());
      facts.put("http_status", api.httpStatus());
      facts.put("error_code", api.errorCode().orElse(null));
      facts.put("request_id", api.requestId().orElse(null));
      facts.put("retryable", api.retryable());
      return new Failure("api_error", api.action(), api.getMessage(), facts);
    }
    if (error instanceof MalformedReplyException malformed) {
      return new Failure(
          "malformed_reply",
          malformed.call(),
          malformed.getMessage(),
          Map.of("call", malformed.call()));
    }
    if (error instanceof DeadlineExceededException deadline) {
      return new Failure(
          "deadline_exceeded",
          deadline.call(),
          deadline.getMessage(),
          Map.of("call", deadline.call()));
    }
    if (error instanceof StateStoreException) {
      return new Failure("state_error", null, "state file: " + error.getMessage(), Map.of());
    }
    if (error instanceof ConfigException) {
      return new Failure("config_error", null, error.getMessage(), Map.of());
    }
    if (error instanceof InterruptedException) {
      return new Failure("interrupted", null, "invocation interrupted (shutdown)", Map.of());
    }
    return new Failure(
        "internal_error",
        null,
        "internal error: " + error.getClass().getSimpleName() + ": " + error.getMessage(),
        Map.of());
  }

  /** The response's {@code error} object. */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("type", type);
    map.put("message", message);
    map.putAll(facts);
    return map;
  }
}
