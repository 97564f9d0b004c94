package io.albqps.emulator;

import static io.albqps.emulator.TestCalls.KEYS;
import static io.albqps.emulator.TestCalls.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.albqps.time.VirtualClock;
import io.albqps.traffic.PhaseProfile;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each injected fault produces what it says, for as many calls as it says. */
class FaultInjectionTest {
  private static final long START = T0.getEpochSecond();

  private final VirtualClock clock = new VirtualClock(T0);
  private Emulator emulator;

  @BeforeEach
  void start() throws Exception {
    EmulatorConfig config =
        EmulatorConfig.builder()
            .credentials(KEYS)
            .loadProfile(PhaseProfile.constant(100))
            .trafficStart(T0)
            .ingestionLag(Duration.ZERO)
            .build();
    emulator = Emulator.start(config, clock);
    clock.advance(Duration.ofMinutes(10));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private TestCalls.Reply modify(int desired) throws Exception {
    return TestCalls.autoScaling(
            "ModifyScalingGroup",
            Map.of("ScalingGroupId", "scg-emulator", "DesireInstanceNumber", "" + desired))
        .signedAt(clock.instant())
        .sendTo(emulator.endpoint());
  }

  private TestCalls.Reply describe() throws Exception {
    return TestCalls.autoScaling("DescribeScalingGroups", Map.of())
        .signedAt(clock.instant())
        .sendTo(emulator.endpoint());
  }

  private TestCalls.Reply metrics() throws Exception {
    return TestCalls.metricData(TestCalls.qpsBody("alb-emulator", START, START + 600, "60s"))
        .signedAt(clock.instant())
        .sendTo(emulator.endpoint());
  }

  private static List<Long> timestamps(TestCalls.Reply reply) {
    List<Long> timestamps = new ArrayList<>();
    for (JsonNode p : reply.result().at("/Data/MetricDataResults/0/DataPoints")) {
      timestamps.add(p.path("Timestamp").asLong());
    }
    return timestamps;
  }

  @ParameterizedTest(name = "{0} -> HTTP {1} {2}")
  @MethodSource("errorStatuses")
  void anErrorStatusFaultAnswersWithItsStatusAndCodeAndChangesNothing(
      Fault fault, int status, String code) throws Exception {
    emulator.faults().inject("ModifyScalingGroup", fault, 1);

    TestCalls.Reply reply = modify(3);

    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.errorCode()).isEqualTo(code);
    assertThat(emulator.modifyLog()).isEmpty();
  }

  static Stream<Arguments> errorStatuses() {
    return Stream.of(
        Arguments.of(Fault.throttled(), 429, "FlowLimitExceeded"),
        Arguments.of(Fault.internalError(), 500, "InternalError"),
        Arguments.of(Fault.unavailable(), 503, "ServiceUnavailableTemp"),
        Arguments.of(Fault.status(502), 502, "FailToConnect"),
        Arguments.of(Fault.status(504), 504, "InternalServiceTimeout"));
  }

  @Test
  void aFaultForTheNextCallsRunsOutThenCallsSucceed() throws Exception {
    emulator.faults().inject("ModifyScalingGroup", Fault.throttled(), 2);

    assertThat(modify(3).status()).isEqualTo(429);
    assertThat(modify(3).status()).isEqualTo(429);
    assertThat(modify(3).status()).isEqualTo(200);
    assertThat(emulator.modifyLog()).hasSize(1);
  }

  @Test
  void anAlwaysFaultStaysUntilCleared() throws Exception {
    emulator.faults().injectAlways("DescribeScalingGroups", Fault.unavailable());

    for (int i = 0; i < 3; i++) {
      assertThat(describe().status()).isEqualTo(503);
    }
    emulator.faults().clear();
    assertThat(describe().status()).isEqualTo(200);
  }

  @Test
  void aFaultOnOneActionLeavesTheOthersAlone() throws Exception {
    emulator.faults().injectAlways("ModifyScalingGroup", Fault.internalError());

    assertThat(describe().status()).isEqualTo(200);
  }

  @Test
  void malformedJsonIsHttp200WithABodyThatDoesNotParse() throws Exception {
    emulator.faults().inject("DescribeScalingGroups", Fault.malformedJson(), 1);

    TestCalls.Reply reply = describe();

    assertThat(reply.status()).isEqualTo(200);
    assertThatThrownBy(() -> new ObjectMapper().readTree(reply.body()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void anErrorEnvelopeCanArriveOnHttp200() throws Exception {
    emulator.faults().inject("ModifyScalingGroup", Fault.errorOn200("InternalError"), 1);

    TestCalls.Reply reply = modify(3);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.errorCode()).isEqualTo("InternalError");
    assertThat(reply.json().path("Result").isMissingNode()).isTrue();
    assertThat(emulator.modifyLog()).isEmpty();
  }

  @Test
  void aDroppedConnectionGivesTheClientNoResponse() {
    // Always: the JDK client (like OkHttp) silently retries a GET once on a closed connection.
    emulator.faults().injectAlways("ModifyScalingGroup", Fault.dropConnection());

    assertThatThrownBy(() -> modify(3)).isInstanceOf(IOException.class);
    assertThat(emulator.modifyLog()).isEmpty();
  }

  @Test
  void latencyMakesAClientWithAShorterTimeoutGiveUp() {
    emulator.faults().inject("DescribeScalingGroups", Fault.latency(Duration.ofSeconds(30)), 1);

    assertThatThrownBy(
            () ->
                TestCalls.autoScaling("DescribeScalingGroups", Map.of())
                    .signedAt(clock.instant())
                    .sendTo(emulator.endpoint(), Duration.ofMillis(200)))
        .isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void emptyPointsFaultReturnsNoDataPoints() throws Exception {
    assertThat(timestamps(metrics())).hasSize(10);
    emulator.faults().inject("GetMetricData", Fault.emptyPoints(), 1);

    TestCalls.Reply reply = metrics();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(timestamps(reply)).isEmpty();
  }

  @Test
  void stalePointsFaultKeepsOnlyPointsOlderThanItsAge() throws Exception {
    emulator.faults().inject("GetMetricData", Fault.stalePoints(Duration.ofMinutes(5)), 1);

    List<Long> timestamps = timestamps(metrics());

    assertThat(timestamps).isNotEmpty();
    assertThat(timestamps).allSatisfy(t -> assertThat(t).isLessThanOrEqualTo(START + 300));
  }

  @Test
  void partialPointsFaultDropsHalfThePoints() throws Exception {
    emulator.faults().inject("GetMetricData", Fault.partialPoints(), 1);

    assertThat(timestamps(metrics())).hasSize(5);
  }

  @Test
  void countsCallsPerActionWhateverTheirOutcome() throws Exception {
    emulator.faults().inject("DescribeScalingGroups", Fault.throttled(), 1);
    describe();
    describe();
    metrics();

    assertThat(emulator.calls("DescribeScalingGroups")).isEqualTo(2);
    assertThat(emulator.calls("GetMetricData")).isEqualTo(1);
    assertThat(emulator.calls("ModifyScalingGroup")).isZero();
  }

  @Test
  void refusesADataPointFaultOnAnotherAction() {
    assertThatThrownBy(() -> emulator.faults().inject("ModifyScalingGroup", Fault.emptyPoints(), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GetMetricData");
  }

  @Test
  void refusesAnUnknownAction() {
    assertThatThrownBy(() -> emulator.faults().injectAlways("ModifyGroup", Fault.throttled()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ModifyScalingGroup");
  }
}
