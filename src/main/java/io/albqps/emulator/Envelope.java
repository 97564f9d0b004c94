package io.albqps.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the BytePlus response envelope: {@code ResponseMetadata} (RequestId, Action, Version,
 * Service, Region and, on failure, {@code Error{Code, CodeN, Message}}) and, on success, {@code
 * Result} (reference §3.6: an error response has no Result).
 */
final class Envelope {
  /** Numeric codes of the common errors (BytePlus common error codes page). */
  private static final Map<String, Integer> CODE_N =
      Map.of(
          "MissingParameter", 100002,
          "MissingAuthenticationToken", 100003,
          "MissingRequestInfo", 100004,
          "MissingSignature", 100005,
          "InvalidTimestamp", 100006,
          "ServiceNotFound", 100007,
          "InvalidActionOrVersion", 100008,
          "InvalidAccessKey", 100009,
          "SignatureDoesNotMatch", 100010);

  private final ObjectMapper mapper;

  Envelope(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Who answered what: the envelope's metadata without the error. */
  record Meta(String requestId, String action, String version, String service, String region) {}

  byte[] success(Meta meta, Object result) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ResponseMetadata", metadata(meta));
    body.put("Result", result);
    return write(body);
  }

  byte[] error(Meta meta, String code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("Code", code);
    if (CODE_N.containsKey(code)) {
      error.put("CodeN", CODE_N.get(code));
    }
    error.put("Message", message);
    Map<String, Object> metadata = metadata(meta);
    metadata.put("Error", error);
    return write(Map.of("ResponseMetadata", metadata));
  }

  /** An ISO-8601 UTC time to the second, as the AutoScaling API writes times. */
  static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static Map<String, Object> metadata(Meta meta) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("RequestId", meta.requestId());
    metadata.put("Action", meta.action());
    metadata.put("Version", meta.version());
    metadata.put("Service", meta.service());
    metadata.put("Region", meta.region());
    return metadata;
  }

  private byte[] write(Object body) {
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a response envelope", e);
    }
  }
}
