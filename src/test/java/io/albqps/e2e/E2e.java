package io.albqps.e2e;

import io.albqps.emulator.EmulatorConfig;
import io.albqps.engine.Policy;
import io.albqps.function.EmulatedDeployment;
import io.albqps.function.HandlerConfig;
import io.albqps.time.VirtualClock;
import io.albqps.traffic.LoadProfile;
import io.albqps.traffic.PhaseProfile;
import io.albqps.traffic.PhaseProfile.Phase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Builds end-to-end deployments: emulator + real handlers on one virtual clock and state file. */
final class E2e {
  static final Instant START = Instant.parse("2025-03-03T08:00:00Z");
  static final String GROUP = "scg-e2e";
  static final String ALB = "alb-e2e";

  /** The product's defaults: 3 s per attempt, so a cold JVM on a busy machine never times out. */
  static final EmulatedDeployment.ClientTuning DEFAULT = EmulatedDeployment.ClientTuning.DEFAULT;

  /**
   * No retry and a timeout short enough that a latency fault costs little real time, yet long
   * enough (hundreds of times a warm loopback call) that a slow machine never times out a healthy
   * call: with no retry, that one timeout would fail the test.
   */
  static final EmulatedDeployment.ClientTuning FAST =
      new EmulatedDeployment.ClientTuning(Duration.ofSeconds(2), 0);

  private E2e() {}

  /** Runs one evaluation with generous timeouts, so later short-timeout tests start warm. */
  static void warmUp(Path dir) {
    try (EmulatedDeployment d =
        deploy(
            steps(new int[] {60}, new double[] {100}),
            2,
            config(Policy.defaults(), false),
            dir,
            1)) {
      d.tick(0, START);
    }
  }

  /** A load that holds each of {@code qps} for {@code minutesEach[i]} minutes. */
  static LoadProfile steps(int[] minutesEach, double[] qps) {
    Phase[] phases = new Phase[qps.length];
    for (int i = 0; i < qps.length; i++) {
      phases[i] = Phase.hold(Duration.ofMinutes(minutesEach[i]), qps[i]);
    }
    return PhaseProfile.of(phases);
  }

  static HandlerConfig config(Policy policy, boolean dryRun) {
    return new HandlerConfig(
        GROUP, ALB, policy, Duration.ofSeconds(120), dryRun, Duration.ZERO, 3, List.of());
  }

  static EmulatedDeployment deploy(
      LoadProfile load, int initialDesired, HandlerConfig config, Path dir, int copies) {
    return deploy(load, initialDesired, config, dir, copies, DEFAULT);
  }

  static EmulatedDeployment deploy(
      LoadProfile load,
      int initialDesired,
      HandlerConfig config,
      Path dir,
      int copies,
      EmulatedDeployment.ClientTuning tuning) {
    try {
      return EmulatedDeployment.start(
          EmulatorConfig.builder()
              .scalingGroupId(GROUP)
              .albId(ALB)
              .capacity(1, 20, initialDesired)
              .bootTime(Duration.ofSeconds(180))
              .loadProfile(load)
              .trafficStart(START.minus(Duration.ofMinutes(10))),
          config,
          dir.resolve("scaling_state.json"),
          copies,
          new VirtualClock(START),
          tuning);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
