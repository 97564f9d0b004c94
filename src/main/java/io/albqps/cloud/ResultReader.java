package io.albqps.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.albqps.time.IsoInstants;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads required fields out of one response's {@code Result}; a missing or mistyped field is an
 * {@link ApiException} with code {@code MalformedResponse} that names the field, never a default.
 */
final class ResultReader {
  static final String MALFORMED = "MalformedResponse";

  private final ApiResponse response;

  ResultReader(ApiResponse response) {
    this.response = response;
  }

  JsonNode result() {
    return response.result();
  }

  String text(JsonNode node, String where, String field) throws ApiException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw malformed(where + "." + field + " is " + describe(value) + ", expected a string");
    }
    return value.textValue();
  }

  String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  int integer(JsonNode node, String where, String field) throws ApiException {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
      throw malformed(where + "." + field + " is " + describe(value) + ", expected an integer");
    }
    return value.intValue();
  }

  List<JsonNode> array(JsonNode node, String where, String field) throws ApiException {
    JsonNode value = node.get(field);
    if (value == null || !value.isArray()) {
      throw malformed(where + "." + field + " is " + describe(value) + ", expected an array");
    }
    List<JsonNode> elements = new ArrayList<>(value.size());
    value.forEach(elements::add);
    return elements;
  }

  /** An ISO-8601 time with a zone, seconds optional ({@code 2021-09-06T07:37Z}). */
  Instant time(JsonNode node, String where, String field) throws ApiException {
    String text = text(node, where, field);
    Instant canonical = IsoInstants.parseCanonicalOrNull(text);
    if (canonical != null) {
      return canonical;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw malformed(where + "." + field + " is not an ISO-8601 time: " + text);
    }
  }

  ApiException malformed(String detail) {
    return malformed(response.action(), response.requestId(), detail);
  }

  static ApiException malformed(String action, String requestId, String detail) {
    return new ApiException(action, 200, MALFORMED, requestId, false, detail, null);
  }

  static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "missing";
    }
    String text = value.toString();
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
