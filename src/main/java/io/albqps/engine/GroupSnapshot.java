package io.albqps.engine;

import java.util.List;
import java.util.Objects;

/**
 * The AutoScaling group as read at the start of one evaluation. {@code desiredInstances} is the
 * API's {@code DesireInstanceNumber} (-1 when the group was created without the desired-number
 * feature). {@code instances} is meaningful only when {@code instancesListed}: a policy that needs
 * neither warm-up nor the InService count may skip the listing call.
 */
public record GroupSnapshot(
    String groupId,
    String lifecycleState,
    int minInstances,
    int maxInstances,
    int desiredInstances,
    int totalInstances,
    boolean instancesListed,
    List<Instance> instances) {

  public static final String ACTIVE = "Active";
  public static final String LOCKED = "Locked";

  public GroupSnapshot {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(lifecycleState, "lifecycleState");
    if (minInstances < 0 || maxInstances < minInstances) {
      throw new IllegalArgumentException(
          "group " + groupId + " has min " + minInstances + " and max " + maxInstances);
    }
    if (desiredInstances < -1) {
      throw new IllegalArgumentException("desiredInstances must be >= -1, got " + desiredInstances);
    }
    if (totalInstances < 0) {
      throw new IllegalArgumentException("totalInstances must be >= 0, got " + totalInstances);
    }
    instances = List.copyOf(instances);
    if (!instancesListed && !instances.isEmpty()) {
      throw new IllegalArgumentException("instances given but instancesListed is false");
    }
  }

  /** A snapshot without the instance listing (the call was skipped). */
  public static GroupSnapshot unlisted(
      String groupId, String lifecycleState, int min, int max, int desired, int total) {
    return new GroupSnapshot(groupId, lifecycleState, min, max, desired, total, false, List.of());
  }

  /** A snapshot with the instance listing. */
  public static GroupSnapshot listed(
      String groupId,
      String lifecycleState,
      int min,
      int max,
      int desired,
      int total,
      List<Instance> instances) {
    return new GroupSnapshot(groupId, lifecycleState, min, max, desired, total, true, instances);
  }

  /** Instances serving traffic; without a listing, every instance is assumed to serve. */
  public int inServiceInstances() {
    if (!instancesListed) {
      return totalInstances;
    }
    return (int) instances.stream().filter(Instance::inService).count();
  }

  public boolean isActive() {
    return ACTIVE.equals(lifecycleState);
  }

  public boolean isLocked() {
    return LOCKED.equals(lifecycleState);
  }
}
