package io.albqps.emulator;

import io.albqps.cloud.ScalingInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The AutoScaling group the emulator serves: desired capacity with min/max checks, instances that
 * boot ({@code Pending} → {@code InService}) and are removed newest first, activities that run
 * until their instances settle, and {@code Locked} while one runs. Time moves only through {@link
 * #advanceTo}: every status is computed for the latest instant it was given. Thread-safe.
 */
public final class SimulatedGroup {
  static final String ACTIVE = "Active";
  static final String LOCKED = "Locked";

  private final String scalingGroupId;
  private final String scalingGroupName;
  private final Duration bootTime;
  private final Duration bootSpread;
  private final Duration removalTime;
  private final long seed;
  private final Instant createdAt;

  private final List<Node> nodes = new ArrayList<>();
  private final List<Activity> activities = new ArrayList<>();
  private final List<ModifyRecord> modifyLog = new ArrayList<>();
  private int minInstances;
  private int maxInstances;
  private int desired;
  private long lastInstanceNumber;
  private Instant now;

  SimulatedGroup(EmulatorConfig config, Instant start) {
    this.scalingGroupId = config.scalingGroupId();
    this.scalingGroupName = config.scalingGroupName();
    this.bootTime = config.bootTime();
    this.bootSpread = config.bootSpread();
    this.removalTime = config.removalTime();
    this.seed = config.seed();
    this.createdAt = start.minus(bootTime);
    this.minInstances = config.minInstances();
    this.maxInstances = config.maxInstances();
    this.desired = config.initialDesired();
    this.now = start;
    for (int i = 0; i < desired; i++) {
      nodes.add(new Node(nextInstanceId(), createdAt, start));
    }
  }

  /** Moves the group's time forward to {@code instant}; an earlier instant is ignored. */
  public synchronized void advanceTo(Instant instant) {
    if (instant.isAfter(now)) {
      now = instant;
    }
  }

  /** The instant the group's state is computed for. */
  public synchronized Instant now() {
    return now;
  }

  public String scalingGroupId() {
    return scalingGroupId;
  }

  public String scalingGroupName() {
    return scalingGroupName;
  }

  Instant createdAt() {
    return createdAt;
  }

  public synchronized int minInstances() {
    return minInstances;
  }

  public synchronized int maxInstances() {
    return maxInstances;
  }

  /** {@code DesireInstanceNumber}. */
  public synchronized int desired() {
    return desired;
  }

  /** {@code Locked} while an activity runs, else {@code Active}. */
  public synchronized String lifecycleState() {
    return activities.stream().anyMatch(a -> a.runningAt(now)) ? LOCKED : ACTIVE;
  }

  /** The instances that still exist (booting, in service or being removed), oldest first. */
  public synchronized List<ScalingInstance> instances() {
    return nodes.stream()
        .filter(n -> n.existsAt(now))
        .map(n -> new ScalingInstance(n.instanceId, n.statusAt(now), n.createdAt))
        .toList();
  }

  /** {@code TotalInstanceCount}: every instance that still exists. */
  public synchronized int totalInstanceCount() {
    return (int) nodes.stream().filter(n -> n.existsAt(now)).count();
  }

  public synchronized int inServiceCount() {
    return (int) nodes.stream().filter(n -> "InService".equals(n.statusAt(now))).count();
  }

  /** Every activity, newest first (the order DescribeScalingActivities uses here). */
  public synchronized List<GroupActivity> activities() {
    List<GroupActivity> views = new ArrayList<>();
    for (int i = activities.size() - 1; i >= 0; i--) {
      views.add(activities.get(i).viewAt(now));
    }
    return views;
  }

  /** Every accepted ModifyScalingGroup call, oldest first. */
  public synchronized List<ModifyRecord> modifyLog() {
    return List.copyOf(modifyLog);
  }

  /**
   * Applies a ModifyScalingGroup at the group's current time: each argument is optional (null keeps
   * the value); the result must satisfy {@code min <= desired <= max}, else nothing changes.
   */
  synchronized ModifyRecord modify(Integer newDesired, Integer newMin, Integer newMax)
      throws ErrorReply {
    int min = newMin == null ? minInstances : newMin;
    int max = newMax == null ? maxInstances : newMax;
    checkBound("MinInstanceNumber", min);
    checkBound("MaxInstanceNumber", max);
    if (min > max) {
      throw ErrorReply.invalidParameter(
          "MinInstanceNumber", Integer.toString(min), "<= MaxInstanceNumber (" + max + ")");
    }
    int target = newDesired == null ? Math.max(min, Math.min(max, desired)) : newDesired;
    if (target < min || target > max) {
      throw ErrorReply.invalidParameter(
          "DesireInstanceNumber",
          Integer.toString(target),
          "a value in [MinInstanceNumber, MaxInstanceNumber] = [" + min + ", " + max + "]");
    }
    ModifyRecord record = new ModifyRecord(now, desired, target);
    modifyLog.add(record);
    minInstances = min;
    maxInstances = max;
    desired = target;
    converge(record);
    return record;
  }

  /**
   * Replaces the group with a state set from outside, as it stands at this instant: the simulator's
   * e2e mode shows the function exactly the group its model shows. Instances are {@code Pending}
   * (booting until the next mirror) or {@code InService}; while {@code activityInProgress}, one
   * scale-out activity over the Pending instances runs, so the group is {@code Locked} as after a
   * real modify. The modify log is kept.
   */
  public synchronized void mirror(
      int min,
      int max,
      int newDesired,
      List<ScalingInstance> instances,
      boolean activityInProgress) {
    if (min < 0 || min > max || max > EmulatorConfig.GROUP_LIMIT || newDesired < 0) {
      throw new IllegalArgumentException(
          "mirror: expected 0 <= min <= max <= "
              + EmulatorConfig.GROUP_LIMIT
              + " and desired >= 0, got min="
              + min
              + " max="
              + max
              + " desired="
              + newDesired);
    }
    List<Node> mirrored = new ArrayList<>();
    List<Node> booting = new ArrayList<>();
    for (ScalingInstance instance : instances) {
      lastInstanceNumber++;
      Node node =
          switch (instance.status()) {
            case "InService" -> new Node(instance.instanceId(), instance.createdTime(), now);
            case "Pending" -> new Node(instance.instanceId(), instance.createdTime(), Instant.MAX);
            default ->
                throw new IllegalArgumentException(
                    "mirror: instance "
                        + instance.instanceId()
                        + " has status "
                        + instance.status()
                        + "; expected InService or Pending");
          };
      mirrored.add(node);
      if (node.readyAt.equals(Instant.MAX)) {
        booting.add(node);
      }
    }
    if (activityInProgress && booting.isEmpty()) {
      throw new IllegalArgumentException(
          "mirror: an activity in progress needs a Pending instance to run over");
    }
    nodes.clear();
    nodes.addAll(mirrored);
    activities.clear();
    minInstances = min;
    maxInstances = max;
    desired = newDesired;
    if (activityInProgress) {
      ModifyRecord record =
          new ModifyRecord(now, Math.max(0, newDesired - booting.size()), newDesired);
      activities.add(new Activity("sga-mirror", "ScaleOut", record, booting, now));
    }
  }

  private static void checkBound(String name, int value) throws ErrorReply {
    if (value < 0 || value > EmulatorConfig.GROUP_LIMIT) {
      throw ErrorReply.invalidParameter(
          name, Integer.toString(value), "0.." + EmulatorConfig.GROUP_LIMIT);
    }
  }

  /** Launches or removes instances so that the live ones match the desired capacity. */
  private void converge(ModifyRecord record) {
    List<Node> live = nodes.stream().filter(n -> n.liveAt(now)).toList();
    List<Node> touched = new ArrayList<>();
    String type;
    if (desired > live.size()) {
      type = "ScaleOut";
      for (int i = live.size(); i < desired; i++) {
        String id = nextInstanceId();
        Node node = new Node(id, now, now.plus(bootTime).plus(spread(lastInstanceNumber)));
        nodes.add(node);
        touched.add(node);
      }
    } else if (desired < live.size()) {
      type = "ScaleIn";
      live.stream()
          .sorted(Comparator.comparingLong((Node n) -> n.number).reversed())
          .limit(live.size() - desired)
          .forEach(
              n -> {
                n.removalStartedAt = now;
                n.goneAt = now.plus(removalTime);
                touched.add(n);
              });
    } else {
      return;
    }
    activities.add(
        new Activity(
            String.format("sga-emu%08d", activities.size() + 1), type, record, touched, now));
  }

  private Duration spread(long instanceNumber) {
    if (bootSpread.isZero()) {
      return Duration.ZERO;
    }
    double u = new SplittableRandom(seed ^ (instanceNumber * 0x9E3779B97F4A7C15L)).nextDouble();
    return Duration.ofMillis(Math.round(bootSpread.toMillis() * u));
  }

  private String nextInstanceId() {
    lastInstanceNumber++;
    return String.format("i-emu%012d", lastInstanceNumber);
  }

  /** One instance's timeline; its status at any instant follows from these times. */
  private final class Node {
    final String instanceId;
    final long number;
    final Instant createdAt;
    final Instant readyAt;
    Instant removalStartedAt;
    Instant goneAt;

    Node(String instanceId, Instant createdAt, Instant readyAt) {
      this.instanceId = instanceId;
      this.number = lastInstanceNumber;
      this.createdAt = createdAt;
      this.readyAt = readyAt;
    }

    boolean existsAt(Instant t) {
      return goneAt == null || t.isBefore(goneAt);
    }

    /** Exists and is not being removed: counts towards the desired capacity. */
    boolean liveAt(Instant t) {
      return removalStartedAt == null || t.isBefore(removalStartedAt);
    }

    String statusAt(Instant t) {
      if (!liveAt(t)) {
        return "Removing";
      }
      return t.isBefore(readyAt) ? "Pending" : "InService";
    }

    /** When this instance stops changing: in service, or gone if removed before it booted. */
    Instant settledAt() {
      if (removalStartedAt != null && removalStartedAt.isBefore(readyAt)) {
        return goneAt;
      }
      return readyAt;
    }
  }

  /** A scale-out runs until its instances settle; a scale-in until its instances are gone. */
  private record Activity(
      String activityId, String type, ModifyRecord record, List<Node> nodes, Instant createdAt) {

    Instant stoppedAt() {
      Instant stopped = createdAt;
      for (Node node : nodes) {
        Instant settled = "ScaleOut".equals(type) ? node.settledAt() : node.goneAt;
        if (settled.isAfter(stopped)) {
          stopped = settled;
        }
      }
      return stopped;
    }

    boolean runningAt(Instant t) {
      return t.isBefore(stoppedAt());
    }

    GroupActivity viewAt(Instant t) {
      boolean running = runningAt(t);
      return new GroupActivity(
          activityId,
          type,
          running ? "Running" : "Success",
          createdAt,
          running ? Optional.empty() : Optional.of(stoppedAt()),
          record.fromDesired(),
          record.toDesired());
    }
  }
}
