package io.albqps.function;

import io.albqps.emulator.EmulatorConfig;
import io.albqps.emulator.SimulatedGroup;
import io.albqps.time.VirtualClock;
import io.albqps.traffic.LoadProfile;
import io.albqps.traffic.Scenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code demo}: the Ray Serve tutorial's load test (1 → 20 → 40 → 20 → 1 users over 11 minutes)
 * played against the emulator while the real function, invoked by a timer every simulated minute
 * (or as four staggered copies), scales the group; records what it saw and did.
 */
public final class Demo {
  /** Where the demo's virtual time starts: a fixed instant, so runs are repeatable. */
  public static final Instant START = Instant.parse("2025-01-06T09:00:00Z");

  private static final Duration SAMPLE = Duration.ofSeconds(5);

  private Demo() {}

  /**
   * The tutorial's Locust stages (1, 20, 40, 20 and 1 users for 1, 2, 5, 2 and 1 minutes), the
   * simulator's {@code ray-load-test} scenario.
   */
  public static LoadProfile rayLoadTest(double qpsPerUser) {
    return Scenarios.byName("ray-load-test", qpsPerUser);
  }

  /** Runs the demo with its state file in {@code stateDir}; takes seconds. */
  public static DemoResult run(DemoOptions options, Path stateDir) throws IOException {
    LoadProfile load = rayLoadTest(options.qpsPerUser());
    VirtualClock clock = new VirtualClock(START);
    EmulatorConfig.Builder emulator =
        EmulatorConfig.builder()
            .scalingGroupId("scg-demo")
            .scalingGroupName("gpu-inference-demo")
            .albId("alb-demo")
            .capacity(1, options.maxInstances(), 1)
            .bootTime(options.bootTime())
            .loadProfile(load)
            .trafficStart(START);
    HandlerConfig config =
        new HandlerConfig(
            "scg-demo",
            "alb-demo",
            options.policy(),
            options.metricPeriod(),
            false,
            Duration.ZERO,
            3,
            List.of());
    int copies = options.staggered() ? 4 : 1;
    try (EmulatedDeployment deployment =
        EmulatedDeployment.start(
            emulator,
            config,
            stateDir.resolve("scaling_state.json"),
            copies,
            clock,
            EmulatedDeployment.ClientTuning.DEFAULT)) {
      return drive(deployment, load, options);
    }
  }

  private static DemoResult drive(
      EmulatedDeployment deployment, LoadProfile load, DemoOptions options) {
    List<DemoResult.Row> rows = new ArrayList<>();
    List<DemoResult.Sample> samples = new ArrayList<>();
    Duration step = Duration.ofSeconds(60 / deployment.copies());
    Instant end = START.plus(options.length());
    Instant nextSample = START;
    for (Instant tick = START; tick.isBefore(end); tick = tick.plus(Duration.ofMinutes(1))) {
      for (int k = 0; k < deployment.copies(); k++) {
        Instant at = tick.plus(step.multipliedBy(k));
        nextSample = sampleUntil(deployment, load, options, samples, nextSample, at);
        Response response = deployment.tick(k, tick);
        rows.add(row(deployment, load, response, k));
      }
    }
    sampleUntil(deployment, load, options, samples, nextSample, end);
    return new DemoResult(options, rows, samples);
  }

  private static Instant sampleUntil(
      EmulatedDeployment deployment,
      LoadProfile load,
      DemoOptions options,
      List<DemoResult.Sample> samples,
      Instant from,
      Instant until) {
    Instant t = from;
    for (; t.isBefore(until); t = t.plus(SAMPLE)) {
      deployment.clock().advanceTo(t);
      SimulatedGroup group = deployment.emulator().group();
      double qps = load.qpsAt(Duration.between(START, t));
      samples.add(
          new DemoResult.Sample(
              Duration.between(START, t),
              qps,
              needed(qps, options),
              group.desired(),
              group.totalInstanceCount(),
              group.inServiceCount()));
    }
    return t;
  }

  private static int needed(double qps, DemoOptions options) {
    return (int) Math.ceil(qps / options.policy().targetQpsPerInstance());
  }

  private static DemoResult.Row row(
      EmulatedDeployment deployment, LoadProfile load, Response response, int copy) {
    Instant now = deployment.clock().instant();
    SimulatedGroup group = deployment.emulator().group();
    Object seen = response.result().details().get("current_qps");
    return new DemoResult.Row(
        Duration.between(START, now),
        copy,
        load.qpsAt(Duration.between(START, now)),
        seen instanceof Number n ? n.doubleValue() : Double.NaN,
        group.desired(),
        group.inServiceCount(),
        response.result().action(),
        response.result().message(),
        response.statusCode());
  }
}
