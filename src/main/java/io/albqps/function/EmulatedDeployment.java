package io.albqps.function;

import io.albqps.cloud.AutoScalingApi;
import io.albqps.cloud.BytePlusClient;
import io.albqps.cloud.CloudMonitorApi;
import io.albqps.cloud.Credentials;
import io.albqps.emulator.Emulator;
import io.albqps.emulator.EmulatorConfig;
import io.albqps.engine.ScalingEngine;
import io.albqps.state.FileStateStore;
import io.albqps.time.VirtualClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real function, end to end, without a cloud account: the local BytePlus emulator and one or
 * more copies of the real handler (real client, signer and file state store, one shared state file)
 * on one virtual clock. Staggered copies wait their {@code INITIAL_DELAY_SECONDS} (0/15/30/45 s for
 * four) after each timer tick, in virtual time. Used by {@code demo}, the end-to-end tests and the
 * warm-invocation benchmark.
 */
public final class EmulatedDeployment implements AutoCloseable {
  /** The emulator's demo keys: accepted only by the local emulator, worth nothing elsewhere. */
  public static final Credentials DEMO_KEYS =
      Credentials.of("AKLTemulatordemo", "emulator-demo-secret-not-a-real-key");

  private final VirtualClock clock;
  private final Emulator emulator;
  private final Path stateFile;
  private final List<ScalingHandler> copies = new ArrayList<>();
  private volatile Instant triggeredAt;
  private long invocations;

  private EmulatedDeployment(VirtualClock clock, Emulator emulator, Path stateFile) {
    this.clock = clock;
    this.emulator = emulator;
    this.stateFile = stateFile;
    this.triggeredAt = clock.instant();
  }

  /**
   * Starts the emulator and {@code copies} handlers sharing {@code stateFile}.
   *
   * @param emulatorConfig the emulator's settings; the demo keys are added to its credentials
   * @param config each copy's settings; copy {@code k} of {@code n} gets an initial delay of {@code
   *     k * 60 / n} seconds
   * @param client tunes each copy's client (timeout, retries); clock, sleeper and keys are set here
   */
  public static EmulatedDeployment start(
      EmulatorConfig.Builder emulatorConfig,
      HandlerConfig config,
      Path stateFile,
      int copies,
      VirtualClock clock,
      ClientTuning client)
      throws IOException {
    if (copies < 1 || copies > 60) {
      throw new IllegalArgumentException("copies must be in [1, 60], got " + copies);
    }
    HttpRuntime.disableNagle();
    EmulatorConfig emulatorSettings = emulatorConfig.credentials(DEMO_KEYS).build();
    Emulator emulator = Emulator.start(emulatorSettings, clock);
    EmulatedDeployment deployment = new EmulatedDeployment(clock, emulator, stateFile);
    for (int k = 0; k < copies; k++) {
      HandlerConfig copy = config.withInitialDelay(Duration.ofSeconds(k * 60L / copies));
      deployment.copies.add(deployment.handler(copy, emulatorSettings, client));
    }
    return deployment;
  }

  private ScalingHandler handler(HandlerConfig config, EmulatorConfig emu, ClientTuning tuning) {
    CloudConnector connector =
        new BytePlusConnector(
            Optional.of(DEMO_KEYS),
            keys ->
                BytePlusClient.builder(keys, emu.region())
                    .clock(clock)
                    .sleeper(clock.sleeper())
                    .timeout(tuning.timeout())
                    .maxRetries(tuning.maxRetries())
                    .build(),
            c ->
                CloudMonitorApi.forLoadBalancer(
                    c,
                    CloudMonitorApi.endpoint(emulator.endpoint(), CloudMonitorApi.DEFAULT_SERVICE),
                    emu.albId()),
            c -> AutoScalingApi.create(c, AutoScalingApi.endpoint(emulator.endpoint())));
    return new ScalingHandler(
        config,
        ScalingEngine.ours(config.policy()),
        connector,
        new FileStateStore(stateFile),
        AlertSender.NONE,
        clock,
        delay -> clock.advanceTo(triggeredAt.plus(delay)));
  }

  public Emulator emulator() {
    return emulator;
  }

  public VirtualClock clock() {
    return clock;
  }

  public Path stateFile() {
    return stateFile;
  }

  public int copies() {
    return copies.size();
  }

  public ScalingHandler copy(int index) {
    return copies.get(index);
  }

  /**
   * A timer tick at {@code at} for copy {@code index}: the clock moves to {@code at}, the copy
   * waits its initial delay in virtual time, then evaluates.
   */
  public synchronized Response tick(int index, Instant at) {
    clock.advanceTo(at);
    triggeredAt = at;
    return copies.get(index).handleRequest(Event.timer(), context(index));
  }

  /** A manual invocation of copy {@code index} at the clock's current time. */
  public synchronized Response invoke(int index, Event event) {
    triggeredAt = clock.instant();
    return copies.get(index).handleRequest(event, context(index));
  }

  private InvocationContext context(int index) {
    invocations++;
    return InvocationContext.of(
        "emu-" + index + "-" + invocations,
        "alb-qps-autoscaler-" + index,
        Duration.ofSeconds(60),
        clock);
  }

  @Override
  public void close() {
    copies.forEach(ScalingHandler::close);
    emulator.close();
  }

  /** The client settings of each copy (HTTP_TIMEOUT_MS, API_MAX_RETRIES). */
  public record ClientTuning(Duration timeout, int maxRetries) {
    public static final ClientTuning DEFAULT = new ClientTuning(Duration.ofSeconds(3), 3);
  }
}
