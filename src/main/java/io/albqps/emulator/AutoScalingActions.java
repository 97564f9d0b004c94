package io.albqps.emulator;

import io.albqps.cloud.ScalingInstance;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The four AutoScaling actions (Version 2020-01-01, GET with query parameters) over the simulated
 * group, answering with the field names of the BytePlus SDK models (reference §3).
 */
final class AutoScalingActions {
  private static final Set<String> INSTANCE_STATUSES =
      Set.of(
          "Init",
          "Pending",
          "Pending:Wait",
          "InService",
          "Error",
          "Removing",
          "Removing:Wait",
          "Stopped",
          "Protected");
  private static final Set<String> ACTIVITY_STATUSES =
      Set.of("Init", "Running", "Success", "PartialSuccess", "Error", "Rejected", "Exception");
  private static final List<DateTimeFormatter> ACTIVITY_TIME_FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'"),
          DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'"));

  private final SimulatedGroup group;
  private final EmulatorConfig config;

  AutoScalingActions(SimulatedGroup group, EmulatorConfig config) {
    this.group = group;
    this.config = config;
  }

  /**
   * Like BytePlus, ids or names that match no group return the other groups rather than nothing, so
   * a client must compare the returned {@code ScalingGroupId}.
   */
  Map<String, Object> describeScalingGroups(IncomingRequest request) throws ErrorReply {
    Params.Page page = Params.page(request, 100);
    List<String> ids = Params.list(request, "ScalingGroupIds");
    if (ids.size() > 10) {
      throw ErrorReply.invalidParameter(
          "ScalingGroupIds", ids.size() + " ids", "at most 10 ScalingGroupIds.N");
    }
    // The emulator holds one group: it is either the match or the "other group" BytePlus returns.
    List<Map<String, Object>> groups = List.of(groupJson());
    return page.result("ScalingGroups", groups);
  }

  Map<String, Object> describeScalingInstances(IncomingRequest request) throws ErrorReply {
    requireGroup(request);
    Params.Page page = Params.page(request, 100);
    Optional<String> status = request.param("Status");
    if (status.isPresent() && !INSTANCE_STATUSES.contains(status.get())) {
      throw ErrorReply.invalidParameter("Status", status.get(), "one of " + INSTANCE_STATUSES);
    }
    List<String> ids = Params.list(request, "InstanceIds");
    List<Map<String, Object>> instances =
        group.instances().stream()
            .filter(i -> status.isEmpty() || status.get().equals(i.status()))
            .filter(i -> ids.isEmpty() || ids.contains(i.instanceId()))
            .map(this::instanceJson)
            .toList();
    return page.result("ScalingInstances", instances);
  }

  /** Newest first; {@code StartTime}/{@code EndTime} bound {@code CreatedAt}. */
  Map<String, Object> describeScalingActivities(IncomingRequest request) throws ErrorReply {
    requireGroup(request);
    Params.Page page = Params.page(request, 50);
    Optional<String> status = request.param("StatusCode");
    if (status.isPresent() && !ACTIVITY_STATUSES.contains(status.get())) {
      throw ErrorReply.invalidParameter("StatusCode", status.get(), "one of " + ACTIVITY_STATUSES);
    }
    List<String> ids = Params.list(request, "ScalingActivityIds");
    Optional<Instant> start = activityTime(request, "StartTime");
    Optional<Instant> end = activityTime(request, "EndTime");
    List<Map<String, Object>> activities =
        group.activities().stream()
            .filter(a -> status.isEmpty() || status.get().equals(a.statusCode()))
            .filter(a -> ids.isEmpty() || ids.contains(a.activityId()))
            .filter(a -> start.isEmpty() || !a.createdAt().isBefore(start.get()))
            .filter(a -> end.isEmpty() || !a.createdAt().isAfter(end.get()))
            .map(this::activityJson)
            .toList();
    return page.result("ScalingActivities", activities);
  }

  Map<String, Object> modifyScalingGroup(IncomingRequest request) throws ErrorReply {
    requireGroup(request);
    Integer desired =
        Params.optionalInt(request, "DesireInstanceNumber", Integer.MIN_VALUE, Integer.MAX_VALUE)
            .orElse(null);
    Integer min =
        Params.optionalInt(request, "MinInstanceNumber", 0, EmulatorConfig.GROUP_LIMIT)
            .orElse(null);
    Integer max =
        Params.optionalInt(request, "MaxInstanceNumber", 0, EmulatorConfig.GROUP_LIMIT)
            .orElse(null);
    group.modify(desired, min, max);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("ScalingGroupId", group.scalingGroupId());
    return result;
  }

  private void requireGroup(IncomingRequest request) throws ErrorReply {
    String id = Params.required(request, "ScalingGroupId");
    if (!id.equals(group.scalingGroupId())) {
      throw ErrorReply.groupNotFound(id);
    }
  }

  private static Optional<Instant> activityTime(IncomingRequest request, String name)
      throws ErrorReply {
    Optional<String> text = request.param(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    for (DateTimeFormatter format : ACTIVITY_TIME_FORMATS) {
      try {
        return Optional.of(LocalDateTime.parse(text.get(), format).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        // try the next accepted format
      }
    }
    throw ErrorReply.invalidParameter(name, text.get(), "yyyy-MM-ddTHH:mmZ (UTC)");
  }

  private Map<String, Object> groupJson() {
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("ScalingGroupId", group.scalingGroupId());
    g.put("ScalingGroupName", group.scalingGroupName());
    g.put("LifecycleState", group.lifecycleState());
    g.put("ActiveScalingConfigurationId", "scc-emulator");
    g.put("ProjectName", "default");
    g.put("MinInstanceNumber", group.minInstances());
    g.put("MaxInstanceNumber", group.maxInstances());
    g.put("DesireInstanceNumber", group.desired());
    g.put("TotalInstanceCount", group.totalInstanceCount());
    g.put("StoppedInstanceCount", 0);
    g.put("DefaultCooldown", 300);
    Map<String, Object> serverGroup = new LinkedHashMap<>();
    serverGroup.put("LoadBalancerId", config.albId());
    serverGroup.put("ServerGroupId", "rsp-emulator");
    serverGroup.put("Port", 8000);
    serverGroup.put("Weight", 50);
    serverGroup.put("Type", "ALB");
    g.put("ServerGroupAttributes", List.of(serverGroup));
    g.put("HealthCheckType", "NONE");
    g.put("VpcId", "vpc-emulator");
    g.put("SubnetIds", List.of("subnet-emulator"));
    g.put("MultiAZPolicy", "PRIORITY");
    g.put("InstanceTerminatePolicy", "NewestInstance");
    g.put("ScalingMode", "release");
    g.put("Tags", List.of());
    g.put("CreatedAt", Envelope.time(group.createdAt()));
    g.put("UpdatedAt", Envelope.time(lastUpdate()));
    return g;
  }

  private Instant lastUpdate() {
    List<ModifyRecord> log = group.modifyLog();
    return log.isEmpty() ? group.createdAt() : log.get(log.size() - 1).at();
  }

  private Map<String, Object> instanceJson(ScalingInstance instance) {
    Map<String, Object> i = new LinkedHashMap<>();
    i.put("InstanceId", instance.instanceId());
    i.put("ScalingGroupId", group.scalingGroupId());
    i.put("ScalingConfigurationId", "scc-emulator");
    i.put("ScalingPolicyId", "");
    i.put("Status", instance.status());
    i.put("CreationType", "AutoCreated");
    i.put("CreatedTime", Envelope.time(instance.createdTime()));
    i.put("ZoneId", config.region() + "a");
    i.put("Entrusted", true);
    i.put("LaunchTemplateId", "");
    i.put("LaunchTemplateVersion", "");
    return i;
  }

  private Map<String, Object> activityJson(GroupActivity activity) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("ScalingActivityId", activity.activityId());
    a.put("ScalingGroupId", group.scalingGroupId());
    a.put("ActivityType", activity.activityType());
    a.put("TaskCategory", "Manual");
    a.put("StatusCode", activity.statusCode());
    a.put("ResultMsg", activity.inProgress() ? "" : "Success");
    a.put("CreatedAt", Envelope.time(activity.createdAt()));
    a.put("StoppedAt", activity.stoppedAt().map(Envelope::time).orElse(""));
    a.put("CurrentInstanceNumber", activity.fromDesired());
    a.put("ActualAdjustInstanceNumber", Math.abs(activity.toDesired() - activity.fromDesired()));
    a.put("MaxInstanceNumber", group.maxInstances());
    a.put("MinInstanceNumber", group.minInstances());
    a.put("Cooldown", 300);
    return a;
  }
}
