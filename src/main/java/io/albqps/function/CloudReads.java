package io.albqps.function;

import io.albqps.cloud.ApiException;
import io.albqps.cloud.MetricSeries;
import io.albqps.cloud.ScalingGroup;
import io.albqps.cloud.ScalingInstance;
import io.albqps.config.ConfigException;
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
 * reads cost one round trip, and reports the first failure in call order. An evaluation starts them
 * before it reads the state file, which they do not depend on.
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

  /** Issues the reads and waits for them: for callers with nothing to do meanwhile. */
  Readings read(
      CloudApis apis,
      String groupId,
      Duration window,
      boolean listInstances,
      Instant now,
      Instant deadline)
      throws ApiException, DeadlineExceededException, InterruptedException {
    InFlight pending = start(apis, groupId, window, listInstances, now);
    try {
      return pending.await(deadline);
    } finally {
      pending.cancel();
    }
  }

  /**
   * Issues the reads and returns at once, so the caller can read the state file while they are in
   * flight; the caller must {@link PendingReads#cancel} them when it gives up.
   */
  InFlight start(
      CloudApis apis, String groupId, Duration window, boolean listInstances, Instant now) {
    Future<MetricSeries> series = submit(() -> apis.metrics().qps(now.minus(window), now));
    Future<ScalingGroup> group = submit(() -> apis.groups().describeGroup(groupId));
    Future<Boolean> activity = submit(() -> apis.groups().activityInProgress(groupId));
    Future<List<ScalingInstance>> instances =
        listInstances ? submit(() -> apis.groups().listInstances(groupId)) : null;
    return new InFlight(apis, series, group, activity, instances);
  }

  /** Reads that could not start: connecting the APIs failed with {@code cause}. */
  static PendingReads unconnected(ConfigException cause) {
    return new Unconnected(cause);
  }

  /** Reads that could not start: connecting the APIs failed with {@code cause}. */
  static PendingReads unconnected(RuntimeException cause) {
    return new Unconnected(cause);
  }

  /** An evaluation's reads, issued; the connected APIs they use. */
  interface PendingReads {
    /**
     * The APIs the reads go to.
     *
     * @throws ConfigException when they could not be connected
     */
    CloudApis apis() throws ConfigException;

    /**
     * The readings, waiting no later than {@code deadline}; the first failure in call order.
     *
     * @throws ConfigException when the APIs could not be connected
     */
    Readings await(Instant deadline)
        throws ApiException, ConfigException, DeadlineExceededException, InterruptedException;

    /** Stops the reads still running; harmless after {@link #await}. */
    void cancel();
  }

  /** Reads issued on connected APIs: awaiting them cannot fail for want of a connection. */
  final class InFlight implements PendingReads {
    private final CloudApis apis;
    private final Future<MetricSeries> series;
    private final Future<ScalingGroup> group;
    private final Future<Boolean> activity;
    private final Future<List<ScalingInstance>> instances;

    InFlight(
        CloudApis apis,
        Future<MetricSeries> series,
        Future<ScalingGroup> group,
        Future<Boolean> activity,
        Future<List<ScalingInstance>> instances) {
      this.apis = apis;
      this.series = series;
      this.group = group;
      this.activity = activity;
      this.instances = instances;
    }

    @Override
    public CloudApis apis() {
      return apis;
    }

    @Override
    public Readings await(Instant deadline)
        throws ApiException, DeadlineExceededException, InterruptedException {
      MetricSeries s = CloudReads.this.await(series, GET_METRIC_DATA, deadline);
      ScalingGroup g = CloudReads.this.await(group, DESCRIBE_SCALING_GROUPS, deadline);
      boolean busy = CloudReads.this.await(activity, DESCRIBE_SCALING_ACTIVITIES, deadline);
      Optional<List<ScalingInstance>> listed =
          instances == null
              ? Optional.empty()
              : Optional.of(CloudReads.this.await(instances, DESCRIBE_SCALING_INSTANCES, deadline));
      return new Readings(s, g, busy, listed);
    }

    @Override
    public void cancel() {
      series.cancel(true);
      group.cancel(true);
      activity.cancel(true);
      if (instances != null) {
        instances.cancel(true);
      }
    }
  }

  /** Holds a {@link ConfigException} or a {@link RuntimeException}, and throws it when asked. */
  private record Unconnected(Exception cause) implements PendingReads {
    @Override
    public CloudApis apis() throws ConfigException {
      throw rethrown();
    }

    @Override
    public Readings await(Instant deadline) throws ConfigException {
      throw rethrown();
    }

    private ConfigException rethrown() {
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      return (ConfigException) cause;
    }

    @Override
    public void cancel() {
      // nothing was started
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
