package io.albqps.sim;

import io.albqps.engine.GroupSnapshot;
import io.albqps.engine.Observation;
import java.time.Duration;

/** The cloud as one policy's function sees it at the current step; moved along by the driver. */
final class ModelCloud implements CloudView {
  private final MetricFeed feed;
  private final ModelGroup group;
  private long second;

  ModelCloud(MetricFeed feed, ModelGroup group) {
    this.feed = feed;
    this.group = group;
  }

  void moveTo(long second) {
    this.second = second;
  }

  @Override
  public Observation observe(Duration lookBack) {
    return new Observation(
        feed.query(second, lookBack),
        lookBack,
        feed.period(),
        group.snapshot(second),
        group.activityInProgress(second));
  }

  @Override
  public GroupSnapshot group() {
    return group.snapshot(second);
  }

  @Override
  public Duration metricPeriod() {
    return feed.period();
  }
}
