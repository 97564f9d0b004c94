package io.albqps.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the ALB's requests per second from CloudMonitor {@code GetMetricData} (reference §4): one
 * POST per window, {@code VCM_ALB} namespace, the ALB as the {@code ResourceID} dimension. An empty
 * answer is no data, and a value that is not a finite non-negative number is an error, so neither
 * can pass for zero load.
 */
public final class CloudMonitorApi implements MetricsSource {
  public static final String VERSION = "2018-01-01";

  /** The Java SDK v2's service name; {@code volc_observe} is the documented alternative. */
  public static final String DEFAULT_SERVICE = "cloudmonitor";

  static final String ACTION = "GetMetricData";
  static final String NAMESPACE = "VCM_ALB";
  static final String LOAD_BALANCER_QPS = "load_balancer_qps";
  static final String LISTENER_QPS = "listener_qps";

  private final BytePlusClient client;
  private final ServiceEndpoint endpoint;
  private final String albId;
  private final String listenerId;

  private CloudMonitorApi(
      BytePlusClient client, ServiceEndpoint endpoint, String albId, String listenerId) {
    this.client = Objects.requireNonNull(client, "client");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    if (albId == null || !albId.startsWith("alb-") || albId.length() < 5) {
      throw new IllegalArgumentException("albId must be alb-<id>, got " + albId);
    }
    if (listenerId != null && listenerId.isBlank()) {
      throw new IllegalArgumentException("listenerId is blank");
    }
    this.albId = albId;
    this.listenerId = listenerId;
  }

  /** The whole ALB's {@code load_balancer_qps} (SubNamespace {@code loadbalancer}). */
  public static CloudMonitorApi forLoadBalancer(
      BytePlusClient client, ServiceEndpoint endpoint, String albId) {
    return new CloudMonitorApi(client, endpoint, albId, null);
  }

  /** One listener's {@code listener_qps} (SubNamespace {@code listener}, dimension ListenerID). */
  public static CloudMonitorApi forListener(
      BytePlusClient client, ServiceEndpoint endpoint, String albId, String listenerId) {
    return new CloudMonitorApi(
        client, endpoint, albId, Objects.requireNonNull(listenerId, "listenerId"));
  }

  /**
   * The endpoint derived from the region: {@code https://cloudmonitor.{region}.byteplusapi.com} for
   * {@code cloudmonitor}, {@code https://volc-observe.{region}.byteplusapi.com} for {@code
   * volc_observe}.
   */
  public static ServiceEndpoint endpoint(String region, String service) {
    return ServiceEndpoint.regional(service, VERSION, region);
  }

  /** An explicit endpoint (CLOUDMONITOR_ENDPOINT) signed as {@code service}. */
  public static ServiceEndpoint endpoint(URI uri, String service) {
    return ServiceEndpoint.of(uri, service, VERSION);
  }

  /** The same metric read through another client (per-invocation deadline or credentials). */
  public CloudMonitorApi withClient(BytePlusClient other) {
    return new CloudMonitorApi(other, endpoint, albId, listenerId);
  }

  @Override
  public MetricSeries qps(Instant start, Instant end) throws ApiException {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end " + end + " must be after start " + start);
    }
    Duration period = periodFor(Duration.between(start, end));
    ApiResponse response = client.postJson(endpoint, ACTION, body(start, end, period));
    return new MetricSeries(period, points(new ResultReader(response)));
  }

  /**
   * The {@code Period} asked for a look-back window, by the original's heuristic: ≤30 s → 15 s, ≤2
   * min → 30 s, ≤10 min → 1 min, else 5 min. Public so the settings (stale limit) and the test
   * doubles of CloudMonitor pick the very period this adapter asks for.
   */
  public static Duration periodFor(Duration window) {
    long seconds = window.toSeconds();
    if (seconds <= 30) {
      return Duration.ofSeconds(15);
    }
    if (seconds <= 120) {
      return Duration.ofSeconds(30);
    }
    if (seconds <= 600) {
      return Duration.ofMinutes(1);
    }
    return Duration.ofMinutes(5);
  }

  static String periodText(Duration period) {
    long seconds = period.toSeconds();
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  private Map<String, Object> body(Instant start, Instant end, Duration period) {
    List<Map<String, String>> dimensions = new ArrayList<>();
    dimensions.add(dimension("ResourceID", albId));
    if (listenerId != null) {
      dimensions.add(dimension("ListenerID", listenerId));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("StartTime", start.getEpochSecond());
    body.put("EndTime", end.getEpochSecond());
    body.put("Namespace", NAMESPACE);
    body.put("SubNamespace", listenerId == null ? "loadbalancer" : "listener");
    body.put("MetricName", listenerId == null ? LOAD_BALANCER_QPS : LISTENER_QPS);
    body.put("Period", periodText(period));
    body.put("Instances", List.of(Map.of("Dimensions", dimensions)));
    return body;
  }

  private static Map<String, String> dimension(String name, String value) {
    Map<String, String> dimension = new LinkedHashMap<>();
    dimension.put("Name", name);
    dimension.put("Value", value);
    return dimension;
  }

  private List<MetricSeries.Point> points(ResultReader reader) throws ApiException {
    JsonNode data = reader.result().get("Data");
    if (data == null || data.isNull()) {
      return List.of();
    }
    JsonNode results = data.get("MetricDataResults");
    if (results == null || results.isNull() || results.isEmpty()) {
      return List.of();
    }
    JsonNode series = pickSeries(reader, reader.array(data, "Result.Data", "MetricDataResults"));
    JsonNode dataPoints = series.get("DataPoints");
    if (dataPoints == null || dataPoints.isNull()) {
      return List.of();
    }
    List<MetricSeries.Point> points = new ArrayList<>();
    List<JsonNode> raw = reader.array(series, "MetricDataResults[]", "DataPoints");
    for (int i = 0; i < raw.size(); i++) {
      points.add(point(reader, raw.get(i), "DataPoints[" + i + "]"));
    }
    return points;
  }

  /** One series is asked for; when several come back, the one whose dimensions match ours. */
  private JsonNode pickSeries(ResultReader reader, List<JsonNode> results) throws ApiException {
    if (results.size() == 1) {
      return results.get(0);
    }
    for (JsonNode candidate : results) {
      if (hasDimension(candidate, "ResourceID", albId)
          && (listenerId == null || hasDimension(candidate, "ListenerID", listenerId))) {
        return candidate;
      }
    }
    throw reader.malformed(results.size() + " MetricDataResults and none has ResourceID " + albId);
  }

  private static boolean hasDimension(JsonNode series, String name, String value) {
    for (JsonNode dimension : series.path("Dimensions")) {
      if (name.equals(dimension.path("Name").asText())
          && value.equals(dimension.path("Value").asText())) {
        return true;
      }
    }
    return false;
  }

  private static MetricSeries.Point point(ResultReader reader, JsonNode node, String where)
      throws ApiException {
    JsonNode timestamp = node.get("Timestamp");
    if (timestamp == null || !timestamp.isIntegralNumber() || timestamp.longValue() < 0) {
      throw reader.malformed(
          where + ".Timestamp is " + ResultReader.describe(timestamp) + ", expected Unix seconds");
    }
    JsonNode value = node.get("Value");
    if (value == null || !value.isNumber()) {
      throw reader.malformed(
          where + ".Value is " + ResultReader.describe(value) + ", expected a number");
    }
    double qps = value.doubleValue();
    if (!Double.isFinite(qps) || qps < 0) {
      throw reader.malformed(where + ".Value is " + qps + ", expected a finite number >= 0");
    }
    return new MetricSeries.Point(Instant.ofEpochSecond(timestamp.longValue()), qps);
  }
}
