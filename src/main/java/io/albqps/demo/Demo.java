package io.albqps.demo;

import io.albqps.sim.ClusterModel;
import io.albqps.sim.EndToEnd;
import io.albqps.sim.Invocation;
import io.albqps.sim.ProgressListener;
import io.albqps.sim.Simulation;
import io.albqps.sim.SimulationResult;
import io.albqps.traffic.LoadProfile;
import io.albqps.traffic.Scenarios;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code demo}: the Ray Serve tutorial's load test (1 → 20 → 40 → 20 → 1 users over 11 minutes)
 * run through the simulator in e2e mode, so the real function (handler, client, signer, state file)
 * behind the local emulator scales a model GPU fleet, invoked every simulated minute or as four
 * staggered copies; records every invocation and the simulator's metrics and curves.
 */
public final class Demo {
  /** What the demo's run is called in its report and charts. */
  public static final String LABEL = "ray-load-test";

  private static final Duration STEP = Duration.ofSeconds(15);

  private Demo() {}

  /**
   * The tutorial's Locust stages (1, 20, 40, 20 and 1 users for 1, 2, 5, 2 and 1 minutes), the
   * simulator's {@code ray-load-test} scenario, held at its last value for {@code length}.
   */
  public static LoadProfile rayLoadTest(double qpsPerUser, Duration length) {
    LoadProfile test = Scenarios.byName(LABEL, qpsPerUser);
    return new LoadProfile() {
      @Override
      public double qpsAt(Duration sinceStart) {
        return test.qpsAt(sinceStart);
      }

      @Override
      public Duration length() {
        return length;
      }
    };
  }

  /** Runs the demo; takes seconds. */
  public static DemoResult run(DemoOptions options) {
    LoadProfile load = rayLoadTest(options.qpsPerUser(), options.length());
    List<Invocation> invocations = new ArrayList<>();
    SimulationResult simulation;
    try (EndToEnd ours =
        EndToEnd.of(
                options.settings().policy(),
                options.settings().metricPeriod(),
                options.settings().cloudMonitorPeriod())
            .observedBy(invocations::add)) {
      simulation =
          Simulation.builder()
              .load(load, LABEL)
              .cluster(cluster(options))
              .policy("ours", ours)
              .build()
              .run(ProgressListener.NONE);
    }
    List<DemoResult.Row> rows = new ArrayList<>();
    for (Invocation invocation : invocations) {
      Duration at = Duration.between(simulation.epoch(), invocation.at());
      rows.add(
          new DemoResult.Row(
              at,
              invocation.copy(),
              load.qpsAt(at),
              invocation.seenQps(),
              invocation.newDesired(),
              invocation.inService(),
              invocation.response().result().action(),
              invocation.response().result().message()));
    }
    return new DemoResult(options, rows, simulation);
  }

  /**
   * A fleet of one InService instance that boots new ones in exactly {@code bootTime}, serving the
   * target at 80 % utilisation, with CloudMonitor's usual one-minute lag.
   */
  private static ClusterModel cluster(DemoOptions options) {
    return ClusterModel.builder(options.settings().policy().targetQpsPerInstance())
        .bootTime(options.bootTime())
        .bootSpread(Duration.ZERO)
        .initialInstances(1)
        .minInstances(1)
        .maxInstances(options.maxInstances())
        .step(STEP)
        .cloudMonitorPeriod(options.settings().cloudMonitorPeriod())
        .evalInterval(options.staggered() ? STEP : Duration.ofMinutes(1))
        .build();
  }
}
