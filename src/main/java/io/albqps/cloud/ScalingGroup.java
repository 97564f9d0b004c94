package io.albqps.cloud;

import java.util.Objects;

/**
 * The fields of a DescribeScalingGroups entry that the autoscaler reads, under the API's names.
 * {@code desireInstanceNumber} is -1 when the group has no desired-number feature.
 */
public record ScalingGroup(
    String scalingGroupId,
    String scalingGroupName,
    String lifecycleState,
    int minInstanceNumber,
    int maxInstanceNumber,
    int desireInstanceNumber,
    int totalInstanceCount) {
  public ScalingGroup {
    Objects.requireNonNull(scalingGroupId, "scalingGroupId");
    Objects.requireNonNull(lifecycleState, "lifecycleState");
  }
}
