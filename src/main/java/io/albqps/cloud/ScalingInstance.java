package io.albqps.cloud;

import java.time.Instant;
import java.util.Objects;

/**
 * One DescribeScalingInstances entry: id, {@code Status} (Pending, InService, ...) and {@code
 * CreatedTime}.
 */
public record ScalingInstance(String instanceId, String status, Instant createdTime) {
  public ScalingInstance {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdTime, "createdTime");
  }
}
