package io.albqps.sim;

import io.albqps.engine.GroupSnapshot;
import io.albqps.engine.Observation;
import java.time.Duration;

/**
 * What the function could read from the cloud at one moment of a simulation: lagged, periodic
 * CloudMonitor points and the group, never the true demand.
 */
public interface CloudView {

  /**
   * The CloudMonitor points of the last {@code lookBack} that have been published, and the group.
   */
  Observation observe(Duration lookBack);

  /** The group as DescribeScalingGroups and DescribeScalingInstances would show it. */
  GroupSnapshot group();

  /** CloudMonitor's aggregation period (the spacing of the points). */
  Duration metricPeriod();
}
