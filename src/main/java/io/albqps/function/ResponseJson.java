package io.albqps.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a {@link Response} as the JSON of DESIGN §6, with the original's field names. */
public final class ResponseJson {
  private final ObjectMapper mapper;

  public ResponseJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  private static final ObjectMapper SHARED =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /**
   * The process's mapper for events and responses (thread-safe once configured). One instance, so
   * that serve's start-up priming warms the very serializers the first invocation uses.
   */
  public static ObjectMapper mapper() {
    return SHARED;
  }

  /** One line of JSON. */
  public String write(Response response) {
    return write(response, false);
  }

  /** Indented JSON, for people at a terminal. */
  public String writePretty(Response response) {
    return write(response, true);
  }

  private String write(Response response, boolean pretty) {
    try {
      Object tree = toTree(response);
      return pretty
          ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree)
          : mapper.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response could not be written as JSON", e);
    }
  }

  static Map<String, Object> toTree(Response response) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("action", response.result().action());
    result.put("status", response.result().status());
    result.put("message", response.result().message());
    result.put("details", response.result().details());
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("statusCode", response.statusCode());
    root.put("timestamp", response.timestamp().toString());
    root.put("execution_id", response.executionId());
    root.put("version", response.version());
    root.put("result", result);
    root.put("metrics", response.metrics());
    root.put("execution_time_ms", response.executionTimeMillis());
    root.put("error", response.error().orElse(null));
    return root;
  }
}
