package io.albqps.cloud;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** One DescribeScalingActivities entry; {@code Init} and {@code Running} mean in progress. */
public record ScalingActivity(String activityId, String statusCode, Instant createdAt) {
  private static final Set<String> IN_PROGRESS = Set.of("Init", "Running");

  public ScalingActivity {
    Objects.requireNonNull(activityId, "activityId");
    Objects.requireNonNull(statusCode, "statusCode");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean inProgress() {
    return IN_PROGRESS.contains(statusCode);
  }
}
