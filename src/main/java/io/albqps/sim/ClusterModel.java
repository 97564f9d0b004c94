package io.albqps.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The model fleet a simulation runs on, and how the function sees it: what one GPU instance serves,
 * how long it boots, the group's bounds, CloudMonitor's period and lag, and how often the function
 * evaluates. Every simulated policy gets the same model.
 *
 * @param capacityQps QPS one InService instance serves within the latency SLO; above it requests
 *     queue. Demand at a step is {@code ceil(qps / capacityQps)} instances
 * @param bootTime mean time from launch to InService (GPU node, image pull, model load)
 * @param bootSpread each launch boots in {@code bootTime ± bootSpread}, uniformly, from the seed
 * @param initialInstances InService instances at the start, or {@link #INITIAL_FROM_DEMAND}
 * @param step the simulation's time step; divides the evaluation interval and the CloudMonitor
 *     period
 * @param cloudMonitorPeriod each CloudMonitor point is the mean QPS over one such period
 * @param ingestionLag a point appears this long after its period ends (as in the emulator). With
 *     the default 60 s on 60 s points the newest point is 120 to 179 s old when the function reads
 *     it: exactly at the engine's default staleness limit (2 × 60 s) on the minute, beyond it at
 *     :15, :30 and :45, which is what staggered copies would see with such a lag
 * @param evalInterval how often the function runs (60 s, or 15 s for four staggered copies sharing
 *     one state file)
 * @param serviceTime the latency of a request that does not queue
 * @param sloLatency a step violates the SLO when its p99 latency exceeds this or requests time out
 * @param queueTimeout requests that would wait longer are dropped (the client gives up)
 * @param seed seeds the boot times; same seed, same run
 * @param activityLock how long a scale-out keeps the group's scaling activity in progress (the
 *     group {@code Locked}, so no policy acts on it) after it launches an instance; empty: until
 *     the instance serves. Which one BytePlus does for a GPU instance whose model loads after the
 *     ECS instance runs is not documented (reference §3.2), so the model can be told
 */
public record ClusterModel(
    double capacityQps,
    Duration bootTime,
    Duration bootSpread,
    int initialInstances,
    int minInstances,
    int maxInstances,
    Duration step,
    Duration cloudMonitorPeriod,
    Duration ingestionLag,
    Duration evalInterval,
    Duration serviceTime,
    Duration sloLatency,
    Duration queueTimeout,
    long seed,
    Optional<Duration> activityLock) {

  /** Start with as many instances as the first step's demand (within the group's bounds). */
  public static final int INITIAL_FROM_DEMAND = -1;

  /** The share of an instance's SLO capacity a policy's target is usually set to. */
  public static final double TARGET_UTILIZATION = 0.8;

  public ClusterModel {
    if (!(capacityQps > 0) || !Double.isFinite(capacityQps)) {
      throw new IllegalArgumentException(
          "capacityQps must be a finite number > 0, got " + capacityQps);
    }
    wholeSeconds("bootTime", bootTime, 0);
    wholeSeconds("bootSpread", bootSpread, 0);
    if (bootSpread.compareTo(bootTime) > 0) {
      throw new IllegalArgumentException(
          "bootSpread must be <= bootTime ("
              + bootTime.toSeconds()
              + " s), got "
              + bootSpread.toSeconds()
              + " s");
    }
    if (minInstances < 0 || maxInstances < Math.max(1, minInstances)) {
      throw new IllegalArgumentException(
          "need 0 <= minInstances <= maxInstances and maxInstances >= 1, got "
              + minInstances
              + " and "
              + maxInstances);
    }
    if (initialInstances != INITIAL_FROM_DEMAND
        && (initialInstances < minInstances || initialInstances > maxInstances)) {
      throw new IllegalArgumentException(
          "initialInstances must be in ["
              + minInstances
              + ", "
              + maxInstances
              + "], got "
              + initialInstances);
    }
    long stepSeconds = wholeSeconds("step", step, 1);
    multipleOfStep(
        "cloudMonitorPeriod",
        wholeSeconds("cloudMonitorPeriod", cloudMonitorPeriod, 1),
        stepSeconds);
    wholeSeconds("ingestionLag", ingestionLag, 0);
    multipleOfStep("evalInterval", wholeSeconds("evalInterval", evalInterval, 1), stepSeconds);
    Objects.requireNonNull(serviceTime, "serviceTime");
    Objects.requireNonNull(sloLatency, "sloLatency");
    Objects.requireNonNull(queueTimeout, "queueTimeout");
    if (serviceTime.isNegative() || sloLatency.compareTo(serviceTime) <= 0) {
      throw new IllegalArgumentException(
          "need 0 <= serviceTime < sloLatency, got "
              + serviceTime.toMillis()
              + " ms and "
              + sloLatency.toMillis()
              + " ms");
    }
    if (queueTimeout.isNegative() || queueTimeout.isZero()) {
      throw new IllegalArgumentException("queueTimeout must be positive, got " + queueTimeout);
    }
    Objects.requireNonNull(activityLock, "activityLock");
    activityLock.ifPresent(lock -> wholeSeconds("activityLock", lock, 0));
  }

  /** The defaults: 62.5 QPS per instance, i.e. a 50 QPS target at 80 % utilisation. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults, for a fleet whose policy targets {@code targetQpsPerInstance}. */
  public static Builder builder(double targetQpsPerInstance) {
    return new Builder().capacityQps(targetQpsPerInstance / TARGET_UTILIZATION);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public long stepSeconds() {
    return step.toSeconds();
  }

  /** Instances needed to serve {@code qps} within the SLO. */
  public int demandFor(double qps) {
    return (int) Math.ceil(qps / capacityQps - 1e-9);
  }

  private static long wholeSeconds(String name, Duration value, long min) {
    Objects.requireNonNull(value, name);
    if (value.getNano() != 0 || value.toSeconds() < min) {
      throw new IllegalArgumentException(
          name + " must be whole seconds >= " + min + ", got " + value);
    }
    return value.toSeconds();
  }

  private static void multipleOfStep(String name, long seconds, long stepSeconds) {
    if (seconds % stepSeconds != 0) {
      throw new IllegalArgumentException(
          name + " must be a multiple of the step (" + stepSeconds + " s), got " + seconds + " s");
    }
  }

  /** Builds a model; starts from GPU-like defaults (4 min ± 1 min boot, 60 s evaluation). */
  public static final class Builder {
    private double capacityQps = 62.5;
    private Duration bootTime = Duration.ofSeconds(240);
    private Duration bootSpread = Duration.ofSeconds(60);
    private int initialInstances = INITIAL_FROM_DEMAND;
    private int minInstances = 1;
    private int maxInstances = 40;
    private Duration step = Duration.ofSeconds(15);
    private Duration cloudMonitorPeriod = Duration.ofSeconds(60);
    private Duration ingestionLag = Duration.ofSeconds(60);
    private Duration evalInterval = Duration.ofSeconds(60);
    private Duration serviceTime = Duration.ofMillis(500);
    private Duration sloLatency = Duration.ofMillis(2000);
    private Duration queueTimeout = Duration.ofSeconds(60);
    private long seed = 1;
    private Optional<Duration> activityLock = Optional.empty();

    private Builder() {}

    private Builder(ClusterModel m) {
      capacityQps = m.capacityQps;
      bootTime = m.bootTime;
      bootSpread = m.bootSpread;
      initialInstances = m.initialInstances;
      minInstances = m.minInstances;
      maxInstances = m.maxInstances;
      step = m.step;
      cloudMonitorPeriod = m.cloudMonitorPeriod;
      ingestionLag = m.ingestionLag;
      evalInterval = m.evalInterval;
      serviceTime = m.serviceTime;
      sloLatency = m.sloLatency;
      queueTimeout = m.queueTimeout;
      seed = m.seed;
      activityLock = m.activityLock;
    }

    public Builder capacityQps(double value) {
      capacityQps = value;
      return this;
    }

    public Builder bootTime(Duration value) {
      bootTime = value;
      return this;
    }

    public Builder bootSpread(Duration value) {
      bootSpread = value;
      return this;
    }

    public Builder initialInstances(int value) {
      initialInstances = value;
      return this;
    }

    public Builder minInstances(int value) {
      minInstances = value;
      return this;
    }

    public Builder maxInstances(int value) {
      maxInstances = value;
      return this;
    }

    public Builder step(Duration value) {
      step = value;
      return this;
    }

    public Builder cloudMonitorPeriod(Duration value) {
      cloudMonitorPeriod = value;
      return this;
    }

    public Builder ingestionLag(Duration value) {
      ingestionLag = value;
      return this;
    }

    public Builder evalInterval(Duration value) {
      evalInterval = value;
      return this;
    }

    public Builder serviceTime(Duration value) {
      serviceTime = value;
      return this;
    }

    public Builder sloLatency(Duration value) {
      sloLatency = value;
      return this;
    }

    public Builder queueTimeout(Duration value) {
      queueTimeout = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** A scale-out's activity ends this long after the launch, even if the instance still boots. */
    public Builder activityLock(Duration value) {
      activityLock = Optional.of(value);
      return this;
    }

    public ClusterModel build() {
      return new ClusterModel(
          capacityQps,
          bootTime,
          bootSpread,
          initialInstances,
          minInstances,
          maxInstances,
          step,
          cloudMonitorPeriod,
          ingestionLag,
          evalInterval,
          serviceTime,
          sloLatency,
          queueTimeout,
          seed,
          activityLock);
    }
  }
}
