package io.albqps.function;

import io.albqps.cloud.ApiException;
import io.albqps.cloud.GroupApi;
import io.albqps.cloud.MetricSeries;
import io.albqps.cloud.MetricsSource;
import io.albqps.cloud.ScalingGroup;
import io.albqps.cloud.ScalingInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-test cloud: a group, QPS points, per-call failures, call counts and a read barrier. */
final class FakeCloud implements MetricsSource, GroupApi {
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  final Map<String, ApiException> failures = new ConcurrentHashMap<>();
  final List<Integer> modifications = new CopyOnWriteArrayList<>();
  volatile ScalingGroup group = group(1, 10, 2, 2);
  volatile List<MetricSeries.Point> points = List.of();
  volatile boolean activityInProgress;
  volatile List<ScalingInstance> instances = List.of();
  volatile CyclicBarrier readBarrier;

  static ScalingGroup group(int min, int max, int desired, int total) {
    return new ScalingGroup("scg-test", "gpu-fleet", "Active", min, max, desired, total);
  }

  /** Points of the given QPS, one a minute, ending one minute before {@code now}. */
  FakeCloud qps(Instant now, double... values) {
    List<MetricSeries.Point> list = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      list.add(new MetricSeries.Point(now.minusSeconds(60L * (values.length - i)), values[i]));
    }
    points = list;
    return this;
  }

  FakeCloud failing(String call, int status, String code) {
    failures.put(
        call, new ApiException(call, status, code, "req-" + code, status >= 429, "injected", null));
    return this;
  }

  int count(String call) {
    AtomicInteger n = calls.get(call);
    return n == null ? 0 : n.get();
  }

  int totalCalls() {
    return calls.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  CloudApis apis() {
    return new CloudApis(this, this);
  }

  private void call(String name, boolean read) throws ApiException {
    calls.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
    CyclicBarrier barrier = readBarrier;
    if (read && barrier != null) {
      try {
        barrier.await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("reads did not run concurrently", e);
      }
    }
    ApiException failure = failures.get(name);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public MetricSeries qps(Instant start, Instant end) throws ApiException {
    call(CloudReads.GET_METRIC_DATA, true);
    return new MetricSeries(
        Duration.ofSeconds(60),
        points.stream()
            .filter(p -> !p.timestamp().isBefore(start) && !p.timestamp().isAfter(end))
            .toList());
  }

  @Override
  public ScalingGroup describeGroup(String scalingGroupId) throws ApiException {
    call(CloudReads.DESCRIBE_SCALING_GROUPS, true);
    return group;
  }

  @Override
  public List<ScalingInstance> listInstances(String scalingGroupId) throws ApiException {
    call(CloudReads.DESCRIBE_SCALING_INSTANCES, true);
    return instances;
  }

  @Override
  public boolean activityInProgress(String scalingGroupId) throws ApiException {
    call(CloudReads.DESCRIBE_SCALING_ACTIVITIES, true);
    return activityInProgress;
  }

  @Override
  public void setDesiredCapacity(ScalingGroup g, int desired) throws ApiException {
    if (desired < g.minInstanceNumber() || desired > g.maxInstanceNumber()) {
      throw new IllegalArgumentException("desired " + desired + " outside the group's bounds");
    }
    call("ModifyScalingGroup", false);
    modifications.add(desired);
    group =
        new ScalingGroup(
            g.scalingGroupId(),
            g.scalingGroupName(),
            g.lifecycleState(),
            g.minInstanceNumber(),
            g.maxInstanceNumber(),
            desired,
            g.totalInstanceCount());
  }
}
