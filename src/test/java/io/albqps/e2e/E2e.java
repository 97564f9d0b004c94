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

  /** Short timeout and one retry, so transport faults cost little real time. */
  static final EmulatedDeployment.ClientTuning FAST =
      new EmulatedDeployment.ClientTuning(Duration.ofMillis(400), 1);

  private E2e() {}

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
          FAST);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
