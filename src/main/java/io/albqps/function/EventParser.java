package io.albqps.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an HTTP invocation (headers and body) into an {@link Event}: a binary-mode CloudEvent
 * ({@code ce-type} header), a structured CloudEvent or manual event ({@code type} field), or an
 * empty body (an evaluation).
 */
public final class EventParser {
  private final ObjectMapper mapper;

  public EventParser(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The event of one request; {@code headers} keys are matched case-insensitively.
   *
   * @throws InvalidEventException on a body that is not a JSON object, an unknown type or a
   *     non-boolean {@code dry_run}; the message names the allowed values
   */
  public Event parse(Map<String, String> headers, byte[] body) throws InvalidEventException {
    String ceType = header(headers, "ce-type");
    if (ceType != null) {
      Event.Type type = Event.Type.parse(ceType.strip());
      if (type != Event.Type.TIMER) {
        throw new InvalidEventException(
            "unsupported CloudEvent type '"
                + ceType
                + "': expected "
                + Event.Type.TIMER.wireName()
                + " or "
                + Event.Type.BYTEFAAS_TIMER);
      }
      return Event.timer();
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return Event.evaluation(false);
    }
    JsonNode root;
    try {
      root = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException(
          "body is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + "): expected a JSON object such as {\"type\":\"scaling_evaluation\"}");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidEventException(
          "body must be a JSON object such as {\"type\":\"scaling_evaluation\"}, got "
              + (root == null ? "nothing" : root.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    return fromObject(root);
  }

  private static Event fromObject(JsonNode root) throws InvalidEventException {
    JsonNode typeNode = root.get("type");
    Event.Type type = Event.Type.SCALING_EVALUATION;
    if (typeNode != null && !typeNode.isNull()) {
      if (!typeNode.isTextual()) {
        throw new InvalidEventException(
            "type must be a string, one of " + Event.Type.allowed() + ", got " + typeNode);
      }
      type = Event.Type.parse(typeNode.asText());
    }
    JsonNode dryRunNode = root.get("dry_run");
    boolean dryRun = false;
    if (dryRunNode != null && !dryRunNode.isNull()) {
      if (!dryRunNode.isBoolean()) {
        throw new InvalidEventException("dry_run must be true or false, got " + dryRunNode);
      }
      dryRun = dryRunNode.booleanValue();
    }
    if (dryRun && type != Event.Type.SCALING_EVALUATION) {
      throw new InvalidEventException(
          "dry_run applies to scaling_evaluation events only, got type " + type.wireName());
    }
    return new Event(type, dryRun);
  }

  private static String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
