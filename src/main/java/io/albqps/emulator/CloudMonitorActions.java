package io.albqps.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CloudMonitor {@code GetMetricData} (Version 2018-01-01, POST JSON) for the ALB's QPS metrics
 * (reference §4): points from the {@link TrafficModel}, shaped by a data-point fault when one is
 * injected. An unknown ALB gets empty {@code DataPoints}, as the real API answers.
 */
final class CloudMonitorActions {
  private static final String NAMESPACE = "VCM_ALB";
  private static final Map<String, String> SUB_NAMESPACE_BY_METRIC =
      Map.of("load_balancer_qps", "loadbalancer", "listener_qps", "listener");

  /** "up to 1440 data points per request" (BytePlus GetMetricData doc). */
  private static final long MAX_POINTS = 1440;

  private final ObjectMapper mapper;
  private final TrafficModel traffic;
  private final String albId;

  CloudMonitorActions(ObjectMapper mapper, TrafficModel traffic, String albId) {
    this.mapper = mapper;
    this.traffic = traffic;
    this.albId = albId;
  }

  Map<String, Object> getMetricData(IncomingRequest request, Optional<Fault> fault, Instant now)
      throws ErrorReply {
    JsonNode body = parse(request.body());
    String metricName = requiredText(body, "MetricName");
    String namespace = requiredText(body, "Namespace");
    String subNamespace = requiredText(body, "SubNamespace");
    checkMetric(namespace, subNamespace, metricName);
    long start = requiredLong(body, "StartTime");
    long end = requiredLong(body, "EndTime");
    if (end <= start) {
      throw ErrorReply.invalidParameter(
          "EndTime", Long.toString(end), "> StartTime (" + start + ")");
    }
    String periodText = body.path("Period").asText("60s");
    long period = periodSeconds(periodText);
    if ((end - start) / period > MAX_POINTS) {
      throw ErrorReply.invalidParameter(
          "Period", periodText, "at most " + MAX_POINTS + " points between StartTime and EndTime");
    }
    JsonNode instances = body.path("Instances");
    if (!instances.isArray() || instances.isEmpty()) {
      throw ErrorReply.missingParameter("Instances");
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (JsonNode instance : instances) {
      results.add(result(instance, start, end, period, fault, now));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("MetricName", metricName);
    data.put("Namespace", namespace);
    data.put("SubNamespace", subNamespace);
    data.put("Period", periodText);
    data.put("StartTime", start);
    data.put("EndTime", end);
    data.put("Unit", "Count/Second");
    data.put("DescriptionCN", "");
    data.put("DescriptionEN", "QPS");
    data.put("MetricDataResults", results);
    return Map.of("Data", data);
  }

  private Map<String, Object> result(
      JsonNode instance, long start, long end, long period, Optional<Fault> fault, Instant now)
      throws ErrorReply {
    JsonNode dimensions = instance.path("Dimensions");
    String resourceId = null;
    List<Map<String, Object>> echoed = new ArrayList<>();
    for (JsonNode dimension : dimensions) {
      String name = dimension.path("Name").asText("");
      String value = dimension.path("Value").asText("");
      echoed.add(Map.of("Name", name, "Value", value));
      if ("ResourceID".equals(name)) {
        resourceId = value;
      }
    }
    if (resourceId == null) {
      throw ErrorReply.missingParameter("Instances.Dimensions ResourceID");
    }
    List<TrafficModel.Point> points =
        albId.equals(resourceId) ? traffic.points(start, end, period, now) : List.of();
    List<Map<String, Object>> dataPoints = new ArrayList<>();
    for (TrafficModel.Point point : shaped(points, fault, now)) {
      dataPoints.add(Map.of("Timestamp", point.timestamp(), "Value", point.value()));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("Dimensions", echoed);
    result.put("Legend", "");
    result.put("DataPoints", dataPoints);
    return result;
  }

  private static List<TrafficModel.Point> shaped(
      List<TrafficModel.Point> points, Optional<Fault> fault, Instant now) {
    if (fault.isEmpty()) {
      return points;
    }
    return switch (fault.get().kind()) {
      case EMPTY_POINTS -> List.of();
      case STALE_POINTS -> {
        long newest = now.minus(fault.get().duration()).getEpochSecond();
        yield points.stream().filter(p -> p.timestamp() <= newest).toList();
      }
      case PARTIAL_POINTS -> {
        List<TrafficModel.Point> kept = new ArrayList<>();
        for (int i = 0; i < points.size(); i += 2) {
          kept.add(points.get(i));
        }
        yield kept;
      }
      default -> points;
    };
  }

  private static void checkMetric(String namespace, String subNamespace, String metricName)
      throws ErrorReply {
    if (!NAMESPACE.equals(namespace)) {
      throw ErrorReply.invalidParameter("Namespace", namespace, NAMESPACE);
    }
    String expectedSub = SUB_NAMESPACE_BY_METRIC.get(metricName);
    if (expectedSub == null) {
      throw ErrorReply.invalidParameter(
          "MetricName", metricName, "one of " + SUB_NAMESPACE_BY_METRIC.keySet());
    }
    if (!expectedSub.equals(subNamespace)) {
      throw ErrorReply.invalidParameter(
          "SubNamespace", subNamespace, expectedSub + " for " + metricName);
    }
  }

  private static long periodSeconds(String text) throws ErrorReply {
    Duration period;
    try {
      period = Durations.parse("Period", text);
    } catch (IllegalArgumentException e) {
      throw ErrorReply.invalidParameter("Period", text, "a period such as 15s, 60s, 1m or 5m");
    }
    if (period.toSeconds() < 1 || period.toMillis() % 1000 != 0) {
      throw ErrorReply.invalidParameter("Period", text, "a whole number of seconds >= 1");
    }
    return period.toSeconds();
  }

  private JsonNode parse(byte[] body) throws ErrorReply {
    try {
      JsonNode node = mapper.readTree(body);
      if (node == null || !node.isObject()) {
        throw ErrorReply.invalidParameter("body", "not a JSON object", "a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw ErrorReply.invalidParameter("body", "malformed JSON", "a JSON object");
    }
  }

  private static String requiredText(JsonNode body, String field) throws ErrorReply {
    String value = body.path(field).asText("");
    if (value.isBlank()) {
      throw ErrorReply.missingParameter(field);
    }
    return value;
  }

  private static long requiredLong(JsonNode body, String field) throws ErrorReply {
    JsonNode value = body.path(field);
    if (value.isMissingNode() || value.isNull()) {
      throw ErrorReply.missingParameter(field);
    }
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw ErrorReply.invalidParameter(field, value.toString(), "Unix seconds (an integer)");
    }
    return value.asLong();
  }
}
