package io.albqps.sim;

import io.albqps.cloud.MetricSeries;
import io.albqps.cloud.ScalingInstance;
import io.albqps.emulator.EmulatorConfig;
import io.albqps.emulator.ModifyRecord;
import io.albqps.engine.GroupSnapshot;
import io.albqps.engine.Observation;
import io.albqps.engine.Policy;
import io.albqps.engine.Reason;
import io.albqps.function.EmulatedDeployment;
import io.albqps.function.HandlerConfig;
import io.albqps.function.Response;
import io.albqps.time.VirtualClock;
import io.albqps.traffic.PhaseProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * E2e mode: each evaluation makes the emulator show exactly what the simulated cloud shows (the
 * published CloudMonitor points and the group with its instances), fires the real function's timer
 * at that virtual instant, and reports the desired capacity its ModifyScalingGroup set. With an
 * evaluation interval that divides a minute, {@code 60 / interval} staggered copies share one state
 * file, each waiting its {@code INITIAL_DELAY_SECONDS} in virtual time, as deployed.
 */
final class EndToEndSource implements DecisionSource, AutoCloseable {
  private static final String ALB_ID = "alb-simulated";

  private final Policy policy;
  private final Duration lookBack;
  private final ClusterModel cluster;
  private final Path stateFile;
  private final Consumer<Invocation> observer;
  private final long intervalSeconds;
  private final int copies;
  private EmulatedDeployment deployment;
  private Instant first;

  EndToEndSource(
      Policy policy,
      Duration lookBack,
      ClusterModel cluster,
      Path stateFile,
      Consumer<Invocation> observer) {
    this.policy = policy;
    this.lookBack = lookBack;
    this.cluster = cluster;
    this.stateFile = stateFile;
    this.observer = observer;
    this.intervalSeconds = cluster.evalInterval().toSeconds();
    this.copies =
        intervalSeconds < 60 && 60 % intervalSeconds == 0 ? (int) (60 / intervalSeconds) : 1;
  }

  @Override
  public Duration interval() {
    return cluster.evalInterval();
  }

  @Override
  public Evaluation evaluate(Instant now, CloudView cloud) {
    if (deployment == null) {
      deployment = start(now);
      first = now;
    }
    if (deployment.clock().instant().isAfter(now)) {
      throw new IllegalStateException(
          "e2e: evaluation at " + now + " is behind the clock " + deployment.clock().instant());
    }
    Observation seen = cloud.observe(lookBack);
    GroupSnapshot group = seen.group();
    mirror(seen, group);
    int logged = deployment.emulator().modifyLog().size();
    long index = Duration.between(first, now).toSeconds() / intervalSeconds;
    int copy = (int) (index % copies);
    Instant tick = now.minusSeconds(copy * intervalSeconds);
    Response response = deployment.tick(copy, tick);
    if (response.failed() || !deployment.clock().instant().equals(now)) {
      throw new IllegalStateException(
          "e2e: the function failed at "
              + now
              + " (copy "
              + copy
              + ", clock "
              + deployment.clock().instant()
              + "): "
              + response.result().message());
    }
    List<ModifyRecord> log = deployment.emulator().modifyLog();
    int newDesired =
        log.size() > logged ? log.get(log.size() - 1).toDesired() : group.desiredInstances();
    observer.accept(new Invocation(now, copy, group.inServiceInstances(), newDesired, response));
    return new Evaluation(newDesired, Reason.fromWireName(response.result().message()));
  }

  private void mirror(Observation seen, GroupSnapshot group) {
    deployment
        .emulator()
        .mirrorMetrics(
            seen.points().stream()
                .map(p -> new MetricSeries.Point(p.timestamp(), p.qps()))
                .toList());
    deployment
        .emulator()
        .group()
        .mirror(
            group.minInstances(),
            group.maxInstances(),
            group.desiredInstances(),
            group.instances().stream()
                .map(i -> new ScalingInstance(i.instanceId(), i.status(), i.createdAt()))
                .toList(),
            seen.activityInProgress());
  }

  private EmulatedDeployment start(Instant now) {
    EmulatorConfig.Builder emulator =
        EmulatorConfig.builder()
            .scalingGroupId(ModelGroup.GROUP_ID)
            .scalingGroupName("simulated-gpu-group")
            .albId(ALB_ID)
            .capacity(cluster.minInstances(), cluster.maxInstances(), cluster.minInstances())
            .removalTime(Duration.ZERO)
            .loadProfile(PhaseProfile.constant(0));
    HandlerConfig config =
        new HandlerConfig(
            ModelGroup.GROUP_ID, ALB_ID, policy, lookBack, false, Duration.ZERO, 3, List.of());
    try {
      return EmulatedDeployment.start(
          emulator,
          config,
          stateFile,
          copies,
          new VirtualClock(now),
          EmulatedDeployment.ClientTuning.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException("e2e: cannot start the emulator", e);
    }
  }

  @Override
  public void close() {
    if (deployment != null) {
      deployment.close();
    }
  }
}
