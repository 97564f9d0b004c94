package io.albqps.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.emulator.Fault;
import io.albqps.emulator.ModifyRecord;
import io.albqps.engine.Policy;
import io.albqps.function.EmulatedDeployment;
import io.albqps.function.Response;
import io.albqps.state.StateDocument;
import io.albqps.state.StateJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fault on each API call, of each kind the emulator injects: no wrong modify call, a 500 naming
 * the failing call, and a state file whose cooldowns and history are untouched.
 */
class FaultsEndToEndTest {
  private static final List<String> CALLS =
      List.of(
          "GetMetricData",
          "DescribeScalingGroups",
          "DescribeScalingActivities",
          "DescribeScalingInstances",
          "ModifyScalingGroup");

  /** Warm-up makes the handler list instances, so all four reads happen. */
  private static final Policy POLICY =
      Policy.builder().instanceWarmup(Duration.ofSeconds(60)).build();

  /**
   * Seconds past {@link E2e#FAST}'s timeout: the emulator still applies a delayed request once it
   * wakes, so a delayed ModifyScalingGroup must land (in real time) long after the test has checked
   * the modify log, however slow the machine. Costs no real time: closing the emulator interrupts
   * the sleeping request.
   */
  private static final Duration LATENCY_PAST_THE_TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;

  static Stream<Arguments> faults() {
    List<Arguments> cases = new ArrayList<>();
    for (String call : CALLS) {
      cases.add(Arguments.of(call, "429 FlowLimitExceeded", Fault.throttled()));
      cases.add(Arguments.of(call, "500 InternalError", Fault.internalError()));
      cases.add(Arguments.of(call, "503 unavailable", Fault.unavailable()));
      cases.add(
          Arguments.of(call, "latency past the timeout", Fault.latency(LATENCY_PAST_THE_TIMEOUT)));
      cases.add(Arguments.of(call, "dropped connection", Fault.dropConnection()));
      cases.add(Arguments.of(call, "malformed JSON", Fault.malformedJson()));
      cases.add(
          Arguments.of(call, "error envelope on HTTP 200", Fault.errorOn200("InternalError")));
    }
    return cases.stream();
  }

  /** 480 QPS (10 instances) for the first 10 minutes, then 900 (18 instances). */
  private EmulatedDeployment deployment() {
    return E2e.deploy(
        E2e.steps(new int[] {20, 60}, new double[] {480, 900}),
        2,
        E2e.config(POLICY, false),
        dir,
        1,
        E2e.FAST);
  }

  @BeforeAll
  static void warmUp(@TempDir Path warmDir) {
    E2e.warmUp(warmDir);
  }

  @Test
  void withoutAFaultTheSecondEvaluationScalesUpAgain() {
    try (EmulatedDeployment d = deployment()) {
      d.tick(0, E2e.START);
      Response response = d.tick(0, E2e.START.plus(Duration.ofMinutes(15)));

      assertThat(response.result().action()).isEqualTo("scale_up");
      assertThat(d.emulator().modifyLog())
          .extracting(ModifyRecord::toDesired)
          .containsExactly(10, 18);
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("faults")
  void aFaultGivesA500NamingTheCallAndChangesNothing(String call, String name, Fault fault)
      throws Exception {
    try (EmulatedDeployment d = deployment()) {
      d.tick(0, E2e.START);
      StateDocument before = StateJson.read(Files.readAllBytes(d.stateFile()));
      d.emulator().faults().injectAlways(call, fault);

      Instant at = E2e.START.plus(Duration.ofMinutes(15));
      Response response = d.tick(0, at);

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.result().status()).isEqualTo("error");
      assertThat(response.result().message()).contains(call);
      assertThat(d.emulator().modifyLog()).extracting(ModifyRecord::toDesired).containsExactly(10);
      StateDocument after = StateJson.read(Files.readAllBytes(d.stateFile()));
      assertThat(after.scaler().lastScalingAction()).isEqualTo(before.scaler().lastScalingAction());
      assertThat(after.scaler().lastScaleUp()).isEqualTo(before.scaler().lastScaleUp());
      assertThat(after.scaler().lastGeneralAction()).isEqualTo(before.scaler().lastGeneralAction());
      assertThat(after.scalingHistory()).isEqualTo(before.scalingHistory());
      assertThat(after.errorTracking().consecutiveErrors()).isEqualTo(1);
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .noneMatch(n -> n.contains(".corrupt."));
      }
    }
  }

  static Stream<Arguments> dataFaults() {
    return Stream.of(
        Arguments.of("empty data points", Fault.emptyPoints(), "metrics_unavailable"),
        Arguments.of(
            "stale data points", Fault.stalePoints(Duration.ofMinutes(30)), "metrics_unavailable"),
        Arguments.of("partial data points", Fault.partialPoints(), "metrics_partial"));
  }

  /** A fall to 50 QPS after 10 minutes: the second evaluation would scale down to 1. */
  private EmulatedDeployment fallingDeployment() {
    return E2e.deploy(
        E2e.steps(new int[] {20, 60}, new double[] {480, 50}),
        2,
        E2e.config(Policy.builder().downscaleDelay(Duration.ZERO).build(), false),
        dir,
        1);
  }

  @Test
  void withGoodDataTheSecondEvaluationScalesDown() {
    try (EmulatedDeployment d = fallingDeployment()) {
      d.tick(0, E2e.START);
      Response response = d.tick(0, E2e.START.plus(Duration.ofMinutes(20)));

      assertThat(response.result().action()).isEqualTo("scale_down");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dataFaults")
  void missingOrPartialDataNeverScalesDown(String name, Fault fault, String reason) {
    try (EmulatedDeployment d = fallingDeployment()) {
      d.tick(0, E2e.START);
      d.emulator().faults().injectAlways("GetMetricData", fault);

      Response response = d.tick(0, E2e.START.plus(Duration.ofMinutes(20)));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.result().action()).isEqualTo("none");
      assertThat(response.result().message()).isEqualTo(reason);
      assertThat(d.emulator().modifyLog()).hasSize(1);
    }
  }
}
