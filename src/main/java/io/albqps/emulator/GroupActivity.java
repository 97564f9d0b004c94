package io.albqps.emulator;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A scaling activity of the simulated group as DescribeScalingActivities reports it: {@code
 * Running} from the modify that started it until every instance it launched is InService (or every
 * instance it removed is gone), then {@code Success}.
 */
public record GroupActivity(
    String activityId,
    String activityType,
    String statusCode,
    Instant createdAt,
    Optional<Instant> stoppedAt,
    int fromDesired,
    int toDesired) {
  public GroupActivity {
    Objects.requireNonNull(activityId, "activityId");
    Objects.requireNonNull(activityType, "activityType");
    Objects.requireNonNull(statusCode, "statusCode");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(stoppedAt, "stoppedAt");
  }

  public boolean inProgress() {
    return "Init".equals(statusCode) || "Running".equals(statusCode);
  }
}
