package io.albqps.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The four AutoScaling actions the autoscaler needs (reference §3), all GET with query parameters:
 * it reads the group, its instances and activities, and sets {@code DesireInstanceNumber}, checking
 * what the API leaves to the caller (a wrong group returned for an unknown id, the [min, max]
 * range).
 */
public final class AutoScalingApi implements GroupApi {
  public static final String SERVICE = "auto_scaling";
  public static final String VERSION = "2020-01-01";

  /** The largest page every AutoScaling describe action accepts (doc: 1–50). */
  static final int PAGE_SIZE = 50;

  /**
   * A group holds at most 2000 instances (terraform validation), so 40 pages; this is a backstop.
   */
  static final int MAX_PAGES = 100;

  static final String NOT_FOUND = "ScalingGroupNotFound";

  private final BytePlusClient client;
  private final ServiceEndpoint endpoint;

  private AutoScalingApi(BytePlusClient client, ServiceEndpoint endpoint) {
    this.client = Objects.requireNonNull(client, "client");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
  }

  public static AutoScalingApi create(BytePlusClient client, ServiceEndpoint endpoint) {
    return new AutoScalingApi(client, endpoint);
  }

  /** {@code https://auto-scaling.{region}.byteplusapi.com}. */
  public static ServiceEndpoint endpoint(String region) {
    return ServiceEndpoint.regional(SERVICE, VERSION, region);
  }

  /** An explicit endpoint (AUTOSCALING_ENDPOINT, the emulator). */
  public static ServiceEndpoint endpoint(URI uri) {
    return ServiceEndpoint.of(uri, SERVICE, VERSION);
  }

  /** The same calls through another client (per-invocation deadline or credentials). */
  public AutoScalingApi withClient(BytePlusClient other) {
    return new AutoScalingApi(other, endpoint);
  }

  @Override
  public ScalingGroup describeGroup(String scalingGroupId) throws ApiException {
    requireGroupId(scalingGroupId);
    ApiResponse response =
        client.get(
            endpoint, "DescribeScalingGroups", Map.of("ScalingGroupIds", List.of(scalingGroupId)));
    ResultReader reader = new ResultReader(response);
    // The API answers an unknown id with other groups (reference §3.1): match the id ourselves.
    for (JsonNode group : reader.array(response.result(), "Result", "ScalingGroups")) {
      if (scalingGroupId.equals(group.path("ScalingGroupId").asText(null))) {
        return group(reader, group);
      }
    }
    throw new ApiException(
        response.action(),
        200,
        NOT_FOUND,
        response.requestId(),
        false,
        "scaling group " + scalingGroupId + " not found",
        null);
  }

  @Override
  public List<ScalingInstance> listInstances(String scalingGroupId) throws ApiException {
    requireGroupId(scalingGroupId);
    List<ScalingInstance> instances = new ArrayList<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      ApiResponse response =
          client.get(endpoint, "DescribeScalingInstances", pageQuery(scalingGroupId, page));
      ResultReader reader = new ResultReader(response);
      List<JsonNode> rows = reader.array(response.result(), "Result", "ScalingInstances");
      for (JsonNode row : rows) {
        instances.add(instance(reader, row));
      }
      int total = reader.integer(response.result(), "Result", "TotalCount");
      if (instances.size() >= total || rows.size() < PAGE_SIZE) {
        return instances;
      }
    }
    throw ResultReader.malformed(
        "DescribeScalingInstances",
        null,
        "more than " + MAX_PAGES + " pages of instances for " + scalingGroupId);
  }

  @Override
  public boolean activityInProgress(String scalingGroupId) throws ApiException {
    return recentActivities(scalingGroupId).stream().anyMatch(ScalingActivity::inProgress);
  }

  /**
   * The latest page of activities (up to 50), in the order the API gave; callers must not rely on
   * it (the sort order is not documented).
   */
  public List<ScalingActivity> recentActivities(String scalingGroupId) throws ApiException {
    requireGroupId(scalingGroupId);
    ApiResponse response =
        client.get(endpoint, "DescribeScalingActivities", pageQuery(scalingGroupId, 1));
    ResultReader reader = new ResultReader(response);
    List<ScalingActivity> activities = new ArrayList<>();
    for (JsonNode row : reader.array(response.result(), "Result", "ScalingActivities")) {
      activities.add(
          new ScalingActivity(
              reader.text(row, "ScalingActivities[]", "ScalingActivityId"),
              reader.text(row, "ScalingActivities[]", "StatusCode"),
              reader.time(row, "ScalingActivities[]", "CreatedAt")));
    }
    return activities;
  }

  @Override
  public void setDesiredCapacity(ScalingGroup group, int desired) throws ApiException {
    if (desired < group.minInstanceNumber() || desired > group.maxInstanceNumber()) {
      throw new IllegalArgumentException(
          "desired capacity "
              + desired
              + " is outside ["
              + group.minInstanceNumber()
              + ", "
              + group.maxInstanceNumber()
              + "] of scaling group "
              + group.scalingGroupId());
    }
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("ScalingGroupId", group.scalingGroupId());
    query.put("DesireInstanceNumber", desired);
    client.get(endpoint, "ModifyScalingGroup", query);
  }

  private static Map<String, Object> pageQuery(String scalingGroupId, int page) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("ScalingGroupId", scalingGroupId);
    query.put("PageNumber", page);
    query.put("PageSize", PAGE_SIZE);
    return query;
  }

  private static ScalingGroup group(ResultReader reader, JsonNode group) throws ApiException {
    String where = "ScalingGroups[]";
    // A group created without the desired-number feature may omit the field: -1, as the API's
    // own "not enabled" value, so the engine holds with desired_capacity_disabled.
    int desired =
        group.hasNonNull("DesireInstanceNumber")
            ? reader.integer(group, where, "DesireInstanceNumber")
            : -1;
    return new ScalingGroup(
        reader.text(group, where, "ScalingGroupId"),
        reader.optionalText(group, "ScalingGroupName"),
        reader.text(group, where, "LifecycleState"),
        reader.integer(group, where, "MinInstanceNumber"),
        reader.integer(group, where, "MaxInstanceNumber"),
        desired,
        reader.integer(group, where, "TotalInstanceCount"));
  }

  private static ScalingInstance instance(ResultReader reader, JsonNode row) throws ApiException {
    String where = "ScalingInstances[]";
    return new ScalingInstance(
        reader.text(row, where, "InstanceId"),
        reader.text(row, where, "Status"),
        reader.time(row, where, "CreatedTime"));
  }

  private static void requireGroupId(String scalingGroupId) {
    if (scalingGroupId == null
        || !scalingGroupId.startsWith("scg-")
        || scalingGroupId.length() < 5) {
      throw new IllegalArgumentException("scalingGroupId must be scg-<id>, got " + scalingGroupId);
    }
  }
}
