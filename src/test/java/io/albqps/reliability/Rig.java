package io.albqps.reliability;

import io.albqps.cloud.ApiException;
import io.albqps.cloud.AutoScalingApi;
import io.albqps.cloud.BytePlusClient;
import io.albqps.cloud.CloudMonitorApi;
import io.albqps.cloud.Credentials;
import io.albqps.cloud.GroupApi;
import io.albqps.cloud.MetricsSource;
import io.albqps.cloud.ScalingGroup;
import io.albqps.cloud.ScalingInstance;
import io.albqps.emulator.Emulator;
import io.albqps.emulator.EmulatorConfig;
import io.albqps.engine.Policy;
import io.albqps.engine.ScalerState;
import io.albqps.engine.ScalingEngine;
import io.albqps.function.Alert;
import io.albqps.function.CloudApis;
import io.albqps.function.CloudConnector;
import io.albqps.function.Event;
import io.albqps.function.HandlerConfig;
import io.albqps.function.InvocationContext;
import io.albqps.function.Response;
import io.albqps.function.ScalingHandler;
import io.albqps.state.FileStateStore;
import io.albqps.state.StateDocument;
import io.albqps.state.StateJson;
import io.albqps.time.VirtualClock;
import io.albqps.traffic.PhaseProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One emulator and one real handler (real client, signer, file state store, engine) on a virtual
 * clock, with a seeded state file, recorded alerts, and a way to send a chosen call through a
 * client with a wrong secret or a skewed clock.
 */
final class Rig implements AutoCloseable {
  static final Instant START = Instant.parse("2025-03-03T08:00:00Z");
  static final String GROUP = "scg-reliability";
  static final String ALB = "alb-reliability";
  static final String SECRET = "rel-SECRET-4f1c9a7e2b5d8f3a6c0e";
  static final String TOKEN = "rel-TOKEN-93b2e7d1c4a6f8e0b5d2";
  static final Credentials KEYS = new Credentials("AKLTreliability", SECRET, Optional.of(TOKEN));

  /**
   * Per attempt: hundreds of times a warm loopback call, so a healthy call on a loaded machine
   * never times out, yet short enough that the latency cells (up to 1 + RETRIES attempts each) stay
   * cheap.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(1);

  static final int RETRIES = 2;
  static final Duration WINDOW = Duration.ofMinutes(5);

  /** The seeded state: revision 5, the last up an hour ago, the last down two hours ago. */
  static final long SEEDED_REVISION = 5;

  /** How a chosen call is sent when it must be rejected by the emulator's signature check. */
  enum BadSigning {
    NONE,
    WRONG_SECRET,
    CLOCK_SKEW
  }

  final VirtualClock clock = new VirtualClock(START);
  final Emulator emulator;
  final Path stateFile;
  final List<Alert> alerts = new CopyOnWriteArrayList<>();
  final Instant evaluationTime;
  private final ScalingHandler handler;
  private final AtomicInteger invocations = new AtomicInteger();

  /**
   * @param initialDesired the group's desired capacity at the start
   * @param qps the constant load
   * @param badCall the call to sign badly (or null), for {@code badTimes} calls (-1 = every call)
   */
  Rig(Path dir, int initialDesired, double qps, BadSigning signing, String badCall, int badTimes)
      throws IOException {
    emulator =
        Emulator.start(
            EmulatorConfig.builder()
                .credentials(KEYS)
                .scalingGroupId(GROUP)
                .albId(ALB)
                .capacity(1, 20, initialDesired)
                .bootTime(Duration.ofSeconds(180))
                .loadProfile(PhaseProfile.constant(qps))
                .trafficStart(START.minus(Duration.ofMinutes(30)))
                .build(),
            clock);
    evaluationTime = START.plus(Duration.ofMinutes(15));
    clock.advanceTo(evaluationTime);
    stateFile = dir.resolve("scaling_state.json");
    Files.write(stateFile, StateJson.write(seededState(evaluationTime)));
    Policy policy = policy();
    HandlerConfig config =
        new HandlerConfig(GROUP, ALB, policy, WINDOW, false, Duration.ZERO, 1, List.of());
    CloudApis good = apis(client(KEYS, clock));
    CloudApis bad =
        switch (signing) {
          case NONE -> good;
          case WRONG_SECRET ->
              apis(
                  client(
                      new Credentials(KEYS.accessKeyId(), "rel-wrong-secret", KEYS.sessionToken()),
                      clock));
          case CLOCK_SKEW -> apis(client(KEYS, Clock.offset(clock, Duration.ofMinutes(-20))));
        };
    CloudApis routed = signing == BadSigning.NONE ? good : routed(good, bad, badCall, badTimes);
    handler =
        new ScalingHandler(
            config,
            ScalingEngine.ours(policy),
            CloudConnector.fixed(routed),
            new FileStateStore(stateFile),
            alerts::add,
            clock,
            clock.sleeper());
  }

  /**
   * Defaults, with a warm-up (so the instance listing is read), no down-window, 200 s staleness.
   */
  static Policy policy() {
    return Policy.builder()
        .downscaleDelay(Duration.ZERO)
        .instanceWarmup(Duration.ofSeconds(60))
        .metricStaleAfter(Duration.ofSeconds(200))
        .build();
  }

  static ScalerState seededScaler(Instant now) {
    Instant up = now.minus(Duration.ofHours(1));
    Instant down = now.minus(Duration.ofHours(2));
    return new ScalerState(
        Optional.of(up), Optional.of(up), Optional.of(down), Optional.of(up), List.of());
  }

  static StateDocument seededState(Instant now) {
    StateDocument fresh = StateDocument.fresh(now.minus(Duration.ofDays(1)), seededScaler(now));
    return new StateDocument(
        SEEDED_REVISION,
        fresh.createdAt(),
        now.minus(Duration.ofMinutes(1)),
        "seed",
        fresh.scaler(),
        fresh.metricsCache(),
        fresh.errorTracking(),
        fresh.statistics(),
        fresh.scalingHistory());
  }

  /** A timer invocation at the clock's time plus {@code later}. */
  Response tick(Duration later) {
    clock.advance(later);
    return handler.handleRequest(
        Event.timer(),
        InvocationContext.of(
            "rel-" + invocations.incrementAndGet(),
            "alb-qps-autoscaler",
            Duration.ofSeconds(60),
            clock));
  }

  StateDocument state() throws Exception {
    return StateJson.read(Files.readAllBytes(stateFile));
  }

  private BytePlusClient client(Credentials credentials, Clock signingClock) {
    return BytePlusClient.builder(credentials, emulator.config().region())
        .clock(signingClock)
        .sleeper(clock.sleeper())
        .timeout(TIMEOUT)
        .maxRetries(RETRIES)
        .build();
  }

  private CloudApis apis(BytePlusClient client) {
    return new CloudApis(
        CloudMonitorApi.forLoadBalancer(
            client,
            CloudMonitorApi.endpoint(emulator.endpoint(), CloudMonitorApi.DEFAULT_SERVICE),
            ALB),
        AutoScalingApi.create(client, AutoScalingApi.endpoint(emulator.endpoint())));
  }

  private static CloudApis routed(CloudApis good, CloudApis bad, String badCall, int badTimes) {
    AtomicInteger left = new AtomicInteger(badTimes);
    Router router = call -> call.equals(badCall) && (badTimes < 0 || left.getAndDecrement() > 0);
    MetricsSource metrics =
        (start, end) -> (router.bad("GetMetricData") ? bad : good).metrics().qps(start, end);
    GroupApi groups =
        new GroupApi() {
          @Override
          public ScalingGroup describeGroup(String id) throws ApiException {
            return pick("DescribeScalingGroups").describeGroup(id);
          }

          @Override
          public List<ScalingInstance> listInstances(String id) throws ApiException {
            return pick("DescribeScalingInstances").listInstances(id);
          }

          @Override
          public boolean activityInProgress(String id) throws ApiException {
            return pick("DescribeScalingActivities").activityInProgress(id);
          }

          @Override
          public void setDesiredCapacity(ScalingGroup group, int desired) throws ApiException {
            pick("ModifyScalingGroup").setDesiredCapacity(group, desired);
          }

          private GroupApi pick(String call) {
            return (router.bad(call) ? bad : good).groups();
          }
        };
    return new CloudApis(metrics, groups);
  }

  /** Decides whether this call goes through the badly signing client. */
  private interface Router {
    boolean bad(String call);
  }

  @Override
  public void close() {
    handler.close();
    emulator.close();
  }
}
