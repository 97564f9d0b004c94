package io.albqps.emulator;

import java.util.Set;

/** The API actions the emulator serves, by their BytePlus names. */
final class Actions {
  static final String GET_METRIC_DATA = "GetMetricData";
  static final String DESCRIBE_SCALING_GROUPS = "DescribeScalingGroups";
  static final String DESCRIBE_SCALING_INSTANCES = "DescribeScalingInstances";
  static final String DESCRIBE_SCALING_ACTIVITIES = "DescribeScalingActivities";
  static final String MODIFY_SCALING_GROUP = "ModifyScalingGroup";

  static final Set<String> ALL =
      Set.of(
          GET_METRIC_DATA,
          DESCRIBE_SCALING_GROUPS,
          DESCRIBE_SCALING_INSTANCES,
          DESCRIBE_SCALING_ACTIVITIES,
          MODIFY_SCALING_GROUP);

  private Actions() {}

  static String requireKnown(String action) {
    if (!ALL.contains(action)) {
      throw new IllegalArgumentException(
          "action: expected one of " + new java.util.TreeSet<>(ALL) + ", got " + action);
    }
    return action;
  }
}
