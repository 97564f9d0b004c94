package io.albqps.cloud;

import java.util.List;

/** The AutoScaling calls the autoscaler makes; the BytePlus API in production. */
public interface GroupApi {

  /**
   * The group with this id; an {@link ApiException} with error code {@code ScalingGroupNotFound}
   * when the API returns no group or a different one (it returns other groups for an unknown id).
   */
  ScalingGroup describeGroup(String scalingGroupId) throws ApiException;

  /** Every instance of the group (all pages). */
  List<ScalingInstance> listInstances(String scalingGroupId) throws ApiException;

  /**
   * True when any recent activity is {@code Init} or {@code Running}, whatever the result order.
   */
  boolean activityInProgress(String scalingGroupId) throws ApiException;

  /**
   * Sets {@code DesireInstanceNumber}; refuses, before any call, a value outside the group's {@code
   * [min, max]} with an {@link IllegalArgumentException}.
   */
  void setDesiredCapacity(ScalingGroup group, int desired) throws ApiException;
}
