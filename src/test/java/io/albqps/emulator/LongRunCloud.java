package io.albqps.emulator;

import io.albqps.cloud.ApiException;
import io.albqps.cloud.CloudMonitorApi;
import io.albqps.cloud.GroupApi;
import io.albqps.cloud.MetricSeries;
import io.albqps.cloud.MetricsSource;
import io.albqps.cloud.ScalingGroup;
import io.albqps.cloud.ScalingInstance;
import io.albqps.function.CloudApis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's own simulated group and traffic model behind the two cloud seams, called in
 * process: what the emulator would answer over HTTP, without the HTTP, signing and JSON. The fast
 * path of the 30-day long run; {@code LongRunTest} shows it decides exactly as the full emulator on
 * loopback does.
 */
public final class LongRunCloud {
  /** DescribeScalingActivities' first page, the only one the client reads. */
  private static final int ACTIVITY_PAGE = 50;

  private final Clock clock;
  private final SimulatedGroup group;
  private final TrafficModel traffic;
  private final AtomicLong calls = new AtomicLong();

  private LongRunCloud(Clock clock, SimulatedGroup group, TrafficModel traffic) {
    this.clock = clock;
    this.group = group;
    this.traffic = traffic;
  }

  /**
   * The group and traffic {@link Emulator#start} would build from {@code config} at {@code clock}.
   */
  public static LongRunCloud start(EmulatorConfig config, Clock clock) {
    Instant start = clock.instant();
    return new LongRunCloud(
        clock, new SimulatedGroup(config, start), TrafficModel.of(config, start));
  }

  /** The seams the handler talks to. */
  public CloudApis apis() {
    return new CloudApis(new Metrics(), new Groups());
  }

  /** The simulated group, brought up to the clock's current instant. */
  public SimulatedGroup group() {
    return now();
  }

  /** How many calls the seams answered. */
  public long calls() {
    return calls.get();
  }

  private SimulatedGroup now() {
    calls.incrementAndGet();
    group.advanceTo(clock.instant());
    return group;
  }

  private final class Metrics implements MetricsSource {
    @Override
    public MetricSeries qps(Instant start, Instant end) {
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("end " + end + " must be after start " + start);
      }
      now();
      Duration period = CloudMonitorApi.periodFor(Duration.between(start, end));
      List<MetricSeries.Point> points =
          traffic
              .points(
                  start.getEpochSecond(), end.getEpochSecond(), period.toSeconds(), clock.instant())
              .stream()
              .map(p -> new MetricSeries.Point(Instant.ofEpochSecond(p.timestamp()), p.value()))
              .toList();
      return new MetricSeries(period, points);
    }
  }

  private final class Groups implements GroupApi {
    @Override
    public ScalingGroup describeGroup(String scalingGroupId) throws ApiException {
      SimulatedGroup g = now();
      if (!g.scalingGroupId().equals(scalingGroupId)) {
        throw new ApiException(
            "DescribeScalingGroups",
            200,
            "ScalingGroupNotFound",
            null,
            false,
            "no group " + scalingGroupId,
            null);
      }
      return new ScalingGroup(
          g.scalingGroupId(),
          g.scalingGroupName(),
          g.lifecycleState(),
          g.minInstances(),
          g.maxInstances(),
          g.desired(),
          g.totalInstanceCount());
    }

    @Override
    public List<ScalingInstance> listInstances(String scalingGroupId) {
      return now().instances();
    }

    @Override
    public boolean activityInProgress(String scalingGroupId) {
      return now().activities().stream().limit(ACTIVITY_PAGE).anyMatch(GroupActivity::inProgress);
    }

    @Override
    public void setDesiredCapacity(ScalingGroup g, int desired) throws ApiException {
      if (desired < g.minInstanceNumber() || desired > g.maxInstanceNumber()) {
        throw new IllegalArgumentException(
            "desired capacity "
                + desired
                + " is outside ["
                + g.minInstanceNumber()
                + ", "
                + g.maxInstanceNumber()
                + "]");
      }
      try {
        now().modify(desired, null, null);
      } catch (ErrorReply e) {
        throw new ApiException(
            "ModifyScalingGroup", e.httpStatus(), e.code(), null, false, e.getMessage(), null);
      }
    }
  }
}
