package io.albqps.function;

import io.albqps.cloud.MetricSeries;
import io.albqps.cloud.ScalingGroup;
import io.albqps.cloud.ScalingInstance;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What one evaluation read from the cloud; the instance listing only when the policy needs it. */
record Readings(
    MetricSeries series,
    ScalingGroup group,
    boolean activityInProgress,
    Optional<List<ScalingInstance>> instances) {
  Readings {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(instances, "instances");
  }
}
