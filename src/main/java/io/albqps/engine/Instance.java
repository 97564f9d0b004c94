package io.albqps.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * One instance of the group as DescribeScalingInstances reports it; {@code status} is the API's
 * string ({@code Pending}, {@code InService}, ...).
 */
public record Instance(String instanceId, String status, Instant createdAt) {
  public static final String IN_SERVICE = "InService";

  public Instance {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean inService() {
    return IN_SERVICE.equals(status);
  }
}
