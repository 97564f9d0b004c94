package io.albqps.sim;

import io.albqps.traffic.LoadProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Replays a load through several policies side by side on the same model cluster, step by step:
 * each policy evaluates on what its function would see (lagged CloudMonitor points and its own
 * group), its desired capacity is applied to its own model group, and a queue model turns supply
 * and load into latency. Deterministic: the same load, model (seed included) and policies give the
 * same result. The oracle always runs, shown or not, so every policy's GPU-hours can be compared
 * with the lower bound.
 *
 * <pre>{@code
 * SimulationResult result = Simulation.builder()
 *     .load(Scenarios.byName("step", 25), "step")
 *     .cluster(ClusterModel.builder().build())
 *     .policy("ours", (cluster, foresight) -> new AutoscalerSource(ours, cluster.evalInterval(), lookBack))
 *     .policy("oracle", SourceFactory.ORACLE)
 *     .build()
 *     .run(ProgressListener.NONE);
 * }</pre>
 */
public final class Simulation {
  /** Simulated time starts here, so reports and state files of two runs compare line by line. */
  public static final Instant DEFAULT_EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  /** The name under which the oracle is shown. */
  public static final String ORACLE = "oracle";

  /** The name under which the oracle that never flaps ({@link Oracle#flapFree}) is shown. */
  public static final String FLAP_FREE_ORACLE = "oracle-flap-free";

  /** The policies that know the future: never a baseline, never judged. */
  public static final Set<String> CLAIRVOYANT = Set.of(ORACLE, FLAP_FREE_ORACLE);

  private final LoadProfile load;
  private final String label;
  private final ClusterModel cluster;
  private final Map<String, SourceFactory> policies;
  private final Instant epoch;

  private Simulation(Builder b) {
    this.load = Objects.requireNonNull(b.load, "load");
    this.label = b.label;
    this.cluster = Objects.requireNonNull(b.cluster, "cluster");
    if (b.policies.isEmpty()) {
      throw new IllegalArgumentException("a simulation needs at least one policy");
    }
    this.policies = new LinkedHashMap<>(b.policies);
    this.epoch = b.epoch;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** How many steps a run takes. */
  public int steps() {
    return (int) Math.max(1, ceilDiv(load.length().toSeconds(), cluster.stepSeconds()));
  }

  /** Runs every policy over the whole load. */
  public SimulationResult run(ProgressListener progress) {
    int n = steps();
    long step = cluster.stepSeconds();
    double[] qps = new double[n];
    int[] demand = new int[n];
    Duration stepDuration = Duration.ofSeconds(step);
    for (int i = 0; i < n; i++) {
      qps[i] = load.meanQps(Duration.ofSeconds(i * step), stepDuration);
      demand[i] = cluster.demandFor(qps[i]);
    }
    MetricFeed feed = new MetricFeed(qps, cluster, epoch);
    BootTimes boots = new BootTimes(cluster);
    Foresight foresight = new Foresight(demand, cluster, boots.maxSeconds(), epoch);
    int planned = plannedStart(demand[0]);

    Map<String, SourceFactory> all = new LinkedHashMap<>(policies);
    all.putIfAbsent(ORACLE, SourceFactory.ORACLE);
    List<Lane> lanes = new ArrayList<>();
    for (Map.Entry<String, SourceFactory> e : all.entrySet()) {
      DecisionSource source = e.getValue().create(cluster, foresight);
      lanes.add(new Lane(e.getKey(), source, feed, boots, planned, n));
    }
    long reportEvery = Math.max(1, n / 100);
    for (int i = 0; i < n; i++) {
      long second = i * step;
      for (Lane lane : lanes) {
        lane.step(i, second, qps[i]);
      }
      if ((i + 1) % reportEvery == 0 || i == n - 1) {
        progress.advanced(i + 1, n);
      }
    }
    double oracleGpuHours =
        lanes.stream().filter(l -> l.name.equals(ORACLE)).findFirst().orElseThrow().gpuHours();
    List<PolicyRun> runs = new ArrayList<>();
    for (Lane lane : lanes) {
      if (policies.containsKey(lane.name)) {
        runs.add(lane.finish(demand, oracleGpuHours));
      }
    }
    return new SimulationResult(label, cluster, epoch, qps, demand, runs, oracleGpuHours);
  }

  private int plannedStart(int firstDemand) {
    int initial =
        cluster.initialInstances() == ClusterModel.INITIAL_FROM_DEMAND
            ? firstDemand
            : cluster.initialInstances();
    return Math.max(cluster.minInstances(), Math.min(cluster.maxInstances(), initial));
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /** One policy's side of the run: its source, group, queue and recorded curves. */
  private final class Lane {
    private final String name;
    private final DecisionSource source;
    private final ModelGroup group;
    private final ModelCloud cloud;
    private final FluidQueue queue;
    private final long intervalSeconds;
    private final int initialDesired;
    private final int[] desired;
    private final int[] inService;
    private final float[] p50;
    private final float[] p99;
    private final List<ScalingEvent> events = new ArrayList<>();
    private double overCapacity;
    private double dropped;
    private int violationSteps;

    Lane(String name, DecisionSource source, MetricFeed feed, BootTimes boots, int planned, int n) {
      this.name = name;
      this.source = source;
      this.group = new ModelGroup(epoch, boots, cluster);
      this.initialDesired = source.initialInstances(planned);
      group.prewarm(initialDesired);
      this.cloud = new ModelCloud(feed, group);
      this.queue =
          new FluidQueue(
              cluster.serviceTime().toNanos() / 1e6, cluster.queueTimeout().toNanos() / 1e9);
      this.intervalSeconds = source.interval().toSeconds();
      if (source.interval().getNano() != 0
          || intervalSeconds <= 0
          || intervalSeconds % cluster.stepSeconds() != 0) {
        throw new IllegalArgumentException(
            name
                + ": evaluation interval must be a multiple of the step ("
                + cluster.stepSeconds()
                + " s), got "
                + source.interval());
      }
      this.desired = new int[n];
      this.inService = new int[n];
      this.p50 = new float[n];
      this.p99 = new float[n];
    }

    void step(int i, long second, double qps) {
      if (second % intervalSeconds == 0) {
        cloud.moveTo(second);
        Evaluation evaluation = source.evaluate(epoch.plusSeconds(second), cloud);
        int before = group.desired();
        if (evaluation.newDesired() != before) {
          group.setDesired(evaluation.newDesired(), second, name);
          events.add(
              new ScalingEvent(second, before, evaluation.newDesired(), evaluation.reason()));
        }
      }
      int serving = group.inService(second);
      desired[i] = group.desired();
      inService[i] = serving;
      long stepSeconds = cluster.stepSeconds();
      queue.step(qps, serving * cluster.capacityQps(), stepSeconds);
      p50[i] = (float) queue.p50Millis();
      p99[i] = (float) queue.p99Millis();
      overCapacity += queue.overCapacity();
      dropped += queue.dropped();
      if (queue.p99Millis() > cluster.sloLatency().toNanos() / 1e6 || queue.dropped() > 0) {
        violationSteps++;
      }
    }

    double gpuHours() {
      long units = 0;
      for (int d : desired) {
        units += d;
      }
      return units * cluster.stepSeconds() / 3600.0;
    }

    PolicyRun finish(int[] demand, double oracleGpuHours) {
      ElasticityMetrics.ServiceLevel service =
          new ElasticityMetrics.ServiceLevel(
              violationSteps,
              overCapacity,
              dropped,
              queue.runQuantileMillis(0.5),
              queue.runQuantileMillis(0.99));
      ElasticityMetrics metrics =
          ElasticityMetrics.compute(
              demand,
              inService,
              desired,
              initialDesired,
              cluster.stepSeconds(),
              service,
              oracleGpuHours);
      return new PolicyRun(name, initialDesired, desired, inService, p50, p99, events, metrics);
    }
  }

  /** Collects what a simulation runs. */
  public static final class Builder {
    private LoadProfile load;
    private String label = "load";
    private ClusterModel cluster = ClusterModel.builder().build();
    private final Map<String, SourceFactory> policies = new LinkedHashMap<>();
    private Instant epoch = DEFAULT_EPOCH;

    private Builder() {}

    /** The true load, and what to call it in reports. */
    public Builder load(LoadProfile profile, String label) {
      this.load = Objects.requireNonNull(profile, "profile");
      this.label = Objects.requireNonNull(label, "label");
      return this;
    }

    public Builder cluster(ClusterModel model) {
      this.cluster = Objects.requireNonNull(model, "model");
      return this;
    }

    /** Adds a policy under a unique {@code name}; shown in the order added. */
    public Builder policy(String name, SourceFactory factory) {
      Objects.requireNonNull(factory, "factory");
      if (policies.putIfAbsent(name, factory) != null) {
        throw new IllegalArgumentException("policy '" + name + "' is already in the simulation");
      }
      return this;
    }

    public Builder epoch(Instant start) {
      this.epoch = Objects.requireNonNull(start, "start");
      return this;
    }

    public Simulation build() {
      return new Simulation(this);
    }
  }
}
