package io.albqps.reliability;

import io.albqps.config.ConfigException;
import io.albqps.config.Settings;
import io.albqps.emulator.EmulatorConfig;
import io.albqps.emulator.LongRunCloud;
import io.albqps.emulator.ModifyRecord;
import io.albqps.engine.ScalingEngine;
import io.albqps.function.AlertSender;
import io.albqps.function.CloudConnector;
import io.albqps.function.EmulatedDeployment;
import io.albqps.function.Event;
import io.albqps.function.FunctionWiring;
import io.albqps.function.HandlerConfig;
import io.albqps.function.InvocationContext;
import io.albqps.function.Response;
import io.albqps.function.ScalingHandler;
import io.albqps.state.FileStateStore;
import io.albqps.time.VirtualClock;
import io.albqps.traffic.LoadProfile;
import io.albqps.traffic.Scenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Four staggered copies of the real handler (0/15/30/45 s, one shared state file, each with its own
 * {@link FileStateStore} as separate processes would have) on a virtual clock, talking either to
 * the emulator's group and traffic model in process ({@link #inProcess}) or to the full emulator
 * over loopback HTTP ({@link #overHttp}). The long run's two paths, wired the same way.
 */
final class LongRunDeployment implements AutoCloseable {
  static final Instant START = Instant.parse("2025-03-03T00:00:00Z");
  static final int COPIES = 4;
  static final String GROUP = "scg-longrun";
  static final String ALB = "alb-longrun";

  /**
   * The product's retries with 10 s per attempt instead of 3 s: over loopback any retry fails the
   * run (it logs a warning), so none of the day's thousands of calls (5,760 evaluations, several
   * calls each) may be timed out because a loaded machine or a GC pause slowed it. A real error is
   * still retried, logged and caught.
   */
  private static final EmulatedDeployment.ClientTuning PATIENT =
      new EmulatedDeployment.ClientTuning(
          Duration.ofSeconds(10), EmulatedDeployment.ClientTuning.DEFAULT.maxRetries());

  private final VirtualClock clock;
  private final Path stateFile;
  private final Copies copies;
  private long invocations;

  private LongRunDeployment(VirtualClock clock, Path stateFile, Copies copies) {
    this.clock = clock;
    this.stateFile = stateFile;
    this.copies = copies;
  }

  /** The handlers with the emulator's own group and traffic model called in process. */
  static LongRunDeployment inProcess(Path stateDir, int days, AlertSender alerts)
      throws ConfigException {
    VirtualClock clock = new VirtualClock(START);
    LongRunCloud cloud =
        LongRunCloud.start(emulator(days).credentials(EmulatedDeployment.DEMO_KEYS).build(), clock);
    Path file = stateDir.resolve("scaling_state.json");
    HandlerConfig config = config(stateDir);
    List<ScalingHandler> handlers = new ArrayList<>();
    Instant[] triggeredAt = {START};
    for (int k = 0; k < COPIES; k++) {
      handlers.add(
          new ScalingHandler(
              config.withInitialDelay(delay(k)),
              ScalingEngine.ours(config.policy()),
              CloudConnector.fixed(cloud.apis()),
              new FileStateStore(file),
              alerts,
              clock,
              d -> clock.advanceTo(triggeredAt[0].plus(d))));
    }
    Copies copies =
        new Copies() {
          @Override
          public Response tick(int copy, Instant minute, InvocationContext context) {
            clock.advanceTo(minute);
            triggeredAt[0] = minute;
            return handlers.get(copy).handleRequest(Event.timer(), context);
          }

          @Override
          public List<ModifyRecord> modifyLog() {
            return cloud.group().modifyLog();
          }

          @Override
          public int activities() {
            return cloud.group().activities().size();
          }

          @Override
          public void close() {
            handlers.forEach(ScalingHandler::close);
          }
        };
    return new LongRunDeployment(clock, file, copies);
  }

  /** The real client, signer and JSON against the full emulator on loopback. */
  static LongRunDeployment overHttp(Path stateDir, int days) throws ConfigException, IOException {
    VirtualClock clock = new VirtualClock(START);
    Path file = stateDir.resolve("scaling_state.json");
    EmulatedDeployment deployment =
        EmulatedDeployment.start(emulator(days), config(stateDir), file, COPIES, clock, PATIENT);
    Copies copies =
        new Copies() {
          @Override
          public Response tick(int copy, Instant minute, InvocationContext context) {
            clock.advanceTo(minute);
            return deployment.tick(copy, minute);
          }

          @Override
          public List<ModifyRecord> modifyLog() {
            return deployment.emulator().modifyLog();
          }

          @Override
          public int activities() {
            return deployment.emulator().group().activities().size();
          }

          @Override
          public void close() {
            deployment.close();
          }
        };
    return new LongRunDeployment(clock, file, copies);
  }

  /** The production preset, as a user deploying four staggered copies would configure it. */
  static HandlerConfig config(Path stateDir) throws ConfigException {
    Settings settings =
        Settings.parse(
            Map.of(
                "AUTOSCALING_GROUP_ID",
                GROUP,
                "ALB_ID",
                ALB,
                "ACCESS_KEY_ID",
                EmulatedDeployment.DEMO_KEYS.accessKeyId(),
                "SECRET_ACCESS_KEY",
                EmulatedDeployment.DEMO_KEYS.secretAccessKey(),
                "SCALING_PRESET",
                "production",
                "TOS_MOUNT_PATH",
                stateDir.toString()));
    return FunctionWiring.config(settings);
  }

  /** A GPU-like group under the diurnal scenario's day, repeated {@code days} times. */
  static EmulatorConfig.Builder emulator(int days) {
    return EmulatorConfig.builder()
        .scalingGroupId(GROUP)
        .albId(ALB)
        .capacity(1, 40, 2)
        .bootTime(Duration.ofSeconds(180))
        .bootSpread(Duration.ofSeconds(60))
        .loadProfile(new Daily(Scenarios.byName("diurnal", Scenarios.DEFAULT_USER_QPS), days))
        .trafficStart(START);
  }

  private static Duration delay(int copy) {
    return Duration.ofSeconds(copy * 60L / COPIES);
  }

  /**
   * One timer tick of the minute starting at {@code minute} for {@code copy}: it evaluates at
   * {@code minute} plus its initial delay.
   */
  Response tick(int copy, Instant minute) {
    invocations++;
    InvocationContext context =
        InvocationContext.of(
            "lr-" + copy + "-" + invocations, "alb-qps-autoscaler", Duration.ofSeconds(60), clock);
    return copies.tick(copy, minute, context);
  }

  VirtualClock clock() {
    return clock;
  }

  Path stateFile() {
    return stateFile;
  }

  List<ModifyRecord> modifyLog() {
    return copies.modifyLog();
  }

  int activities() {
    return copies.activities();
  }

  @Override
  public void close() {
    copies.close();
  }

  /** What differs between the two paths. */
  private interface Copies extends AutoCloseable {
    Response tick(int copy, Instant minute, InvocationContext context);

    List<ModifyRecord> modifyLog();

    int activities();

    @Override
    void close();
  }

  /** The first day of a profile, repeated: the built-in diurnal scenario is two days long. */
  record Daily(LoadProfile profile, int days) implements LoadProfile {
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    @Override
    public double qpsAt(Duration sinceStart) {
      return profile.qpsAt(Duration.ofMillis(Math.floorMod(sinceStart.toMillis(), DAY_MILLIS)));
    }

    @Override
    public Duration length() {
      return Duration.ofDays(days);
    }
  }
}
