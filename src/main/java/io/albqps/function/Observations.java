package io.albqps.function;

import io.albqps.cloud.MetricSeries;
import io.albqps.cloud.ScalingGroup;
import io.albqps.cloud.ScalingInstance;
import io.albqps.engine.GroupSnapshot;
import io.albqps.engine.Instance;
import io.albqps.engine.MetricPoint;
import io.albqps.engine.Observation;
import java.time.Duration;
import java.util.List;

/**
 * Maps the cloud's DTOs to the engine's records; a reply the engine cannot accept (negative QPS,
 * max below min) becomes an error naming the call, never a silently dropped value.
 */
final class Observations {
  private Observations() {}

  static Observation of(Readings readings, Duration window) {
    return new Observation(
        points(readings.series()),
        window,
        readings.series().period(),
        snapshot(readings),
        readings.activityInProgress());
  }

  static List<MetricPoint> points(MetricSeries series) {
    try {
      return series.points().stream().map(p -> new MetricPoint(p.timestamp(), p.value())).toList();
    } catch (IllegalArgumentException e) {
      throw new MalformedReplyException(CloudReads.GET_METRIC_DATA, e.getMessage());
    }
  }

  static GroupSnapshot snapshot(Readings readings) {
    ScalingGroup g = readings.group();
    try {
      if (readings.instances().isEmpty()) {
        return GroupSnapshot.unlisted(
            g.scalingGroupId(),
            g.lifecycleState(),
            g.minInstanceNumber(),
            g.maxInstanceNumber(),
            g.desireInstanceNumber(),
            g.totalInstanceCount());
      }
      return GroupSnapshot.listed(
          g.scalingGroupId(),
          g.lifecycleState(),
          g.minInstanceNumber(),
          g.maxInstanceNumber(),
          g.desireInstanceNumber(),
          g.totalInstanceCount(),
          instances(readings.instances().get()));
    } catch (IllegalArgumentException e) {
      throw new MalformedReplyException(CloudReads.DESCRIBE_SCALING_GROUPS, e.getMessage());
    }
  }

  private static List<Instance> instances(List<ScalingInstance> listed) {
    return listed.stream()
        .map(i -> new Instance(i.instanceId(), i.status(), i.createdTime()))
        .toList();
  }
}
