package io.albqps.function;

import io.albqps.cloud.ApiException;
import io.albqps.cloud.MetricSeries;
import io.albqps.cloud.ScalingGroup;
import io.albqps.cloud.ScalingInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.MDC;

/**
 * Issues an evaluation's reads at once (QPS, group, activities and, when needed, instances), so the
 * reads cost one round trip, and reports the first failure in call order.
 */
final class CloudReads {
  static final String GET_METRIC_DATA = "GetMetricData";
  static final String DESCRIBE_SCALING_GROUPS = "DescribeScalingGroups";
  static final String DESCRIBE_SCALING_ACTIVITIES = "DescribeScalingActivities";
  static final String DESCRIBE_SCALING_INSTANCES = "DescribeScalingInstances";

  private final ExecutorService pool;
  private final Clock clock;

  CloudReads(ExecutorService pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  Readings read(
      CloudApis apis,
      String groupId,
      Duration window,
      boolean listInstances,
      Instant now,
      Instant deadline)
      throws ApiException, DeadlineExceededException, InterruptedException {
    Future<MetricSeries> series = submit(() -> apis.metrics().qps(now.minus(window), now));
    Future<ScalingGroup> group = submit(() -> apis.groups().describeGroup(groupId));
    Future<Boolean> activity = submit(() -> apis.groups().activityInProgress(groupId));
    Future<List<ScalingInstance>> instances =
        listInstances ? submit(() -> apis.groups().listInstances(groupId)) : null;
    try {
      MetricSeries s = await(series, GET_METRIC_DATA, deadline);
      ScalingGroup g = await(group, DESCRIBE_SCALING_GROUPS, deadline);
      boolean busy = await(activity, DESCRIBE_SCALING_ACTIVITIES, deadline);
      Optional<List<ScalingInstance>> listed =
          instances == null
              ? Optional.empty()
              : Optional.of(await(instances, DESCRIBE_SCALING_INSTANCES, deadline));
      return new Readings(s, g, busy, listed);
    } finally {
      series.cancel(true);
      group.cancel(true);
      activity.cancel(true);
      if (instances != null) {
        instances.cancel(true);
      }
    }
  }

  /** Runs a call on the pool with the caller's logging context (request id). */
  <T> Future<T> submit(Callable<T> call) {
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    return pool.submit(
        () -> {
          if (mdc != null) {
            MDC.setContextMap(mdc);
          }
          try {
            return call.call();
          } finally {
            MDC.clear();
          }
        });
  }

  private <T> T await(Future<T> future, String call, Instant deadline)
      throws ApiException, DeadlineExceededException, InterruptedException {
    long waitMillis = Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
    try {
      return future.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new DeadlineExceededException(call);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ApiException api) {
        throw api;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(call + " failed: " + cause, cause);
    }
  }
}
