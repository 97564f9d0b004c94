package io.albqps.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The body an alert webhook receives ({@code ALERT_WEBHOOK_FORMAT}): the original solution's JSON
 * payload, or a text message for a Lark/Feishu bot or a Slack incoming webhook.
 */
public enum AlertFormat {
  /** The original payload: service, ids, action, status, message, details, dry_run, and more. */
  JSON("json"),
  /** A Lark/Feishu custom bot text message: {@code {"msg_type":"text","content":{"text":…}}}. */
  LARK("lark"),
  /** A Slack incoming-webhook message: {@code {"text":…}}. */
  SLACK("slack");

  /** The {@code service} field of the original payload, kept so existing receivers still match. */
  static final String SERVICE = "byteplus-alb-autoscaling";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String configName;

  AlertFormat(String configName) {
    this.configName = configName;
  }

  /** The value of {@code ALERT_WEBHOOK_FORMAT} that selects this format. */
  public String configName() {
    return configName;
  }

  /** Parses {@code ALERT_WEBHOOK_FORMAT} (case and surrounding blanks ignored). */
  public static AlertFormat parse(String value) {
    String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(format -> format.configName.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "ALERT_WEBHOOK_FORMAT must be one of json, lark, slack; got '" + value + "'"));
  }

  /** The UTF-8 JSON body for {@code alert} raised about the given ALB and group. */
  byte[] body(Alert alert, String albId, String autoscalingGroupId) {
    ObjectNode body = MAPPER.createObjectNode();
    switch (this) {
      case JSON -> {
        body.put("timestamp", alert.at().toString());
        body.put("service", SERVICE);
        body.put("alb_id", albId);
        body.put("autoscaling_group_id", autoscalingGroupId);
        body.put("action", alert.action());
        body.put("status", alert.status());
        body.put("message", alert.message());
        body.set("details", MAPPER.valueToTree(plain(alert.details())));
        body.put("dry_run", alert.dryRun());
        body.put("execution_id", alert.executionId());
      }
      case LARK -> {
        body.put("msg_type", "text");
        body.putObject("content").put("text", text(alert, albId, autoscalingGroupId));
      }
      case SLACK -> body.put("text", text(alert, albId, autoscalingGroupId));
    }
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise alert " + alert.action(), e);
    }
  }

  /** The message a person reads in a chat: what happened, where, the numbers, and when. */
  static String text(Alert alert, String albId, String autoscalingGroupId) {
    String details =
        new TreeMap<>(alert.details())
            .entrySet().stream()
                .map(e -> e.getKey() + "=" + plain(e.getValue()))
                .collect(Collectors.joining(", "));
    return (alert.dryRun() ? "[DRY RUN] " : "")
        + "["
        + SERVICE
        + "] "
        + alert.action()
        + " "
        + alert.status()
        + ": "
        + alert.message()
        + "\ngroup "
        + autoscalingGroupId
        + ", ALB "
        + albId
        + (details.isEmpty() ? "" : "\n" + details)
        + "\nexecution "
        + alert.executionId()
        + " at "
        + alert.at();
  }

  /**
   * A value Jackson writes without extra modules, with map keys sorted (a stable body): numbers,
   * booleans, strings, nested maps and lists as such; anything else (a time, an enum) as text.
   */
  private static Object plain(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(AlertFormat::plain).orElse(null);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((key, nested) -> sorted.put(String.valueOf(key), plain(nested)));
      return sorted;
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(AlertFormat::plain).toList();
    }
    return value.toString();
  }
}
