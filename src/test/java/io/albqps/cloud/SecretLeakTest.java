package io.albqps.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.albqps.cloud.CloudTestSupport.NOW;
import static io.albqps.cloud.CloudTestSupport.REGION;
import static io.albqps.cloud.CloudTestSupport.ROLE;
import static io.albqps.cloud.CloudTestSupport.SK;
import static io.albqps.cloud.CloudTestSupport.TOKEN;
import static io.albqps.cloud.CloudTestSupport.envelope;
import static io.albqps.cloud.CloudTestSupport.errorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.albqps.testing.LogCapture;
import io.albqps.time.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every failure with role credentials and debug logging on, then scans the log lines, the
 * exception messages and the toString of every value for the secret, the session token and the
 * derived signing keys.
 */
class SecretLeakTest {
  @RegisterExtension static WireMockExtension server = CloudTestSupport.loopbackWireMock();

  static final String GROUP = "scg-abc123";
  static final ScalingGroup SNAPSHOT = new ScalingGroup(GROUP, "gpu", "Active", 1, 4, 2, 2);

  /** Every library's log, with ours at DEBUG: a secret must not reach any of it. */
  @RegisterExtension final LogCapture logs = LogCapture.root().withLevel("io.albqps", Level.DEBUG);

  VirtualClock clock;

  @BeforeEach
  void startTheClock() {
    clock = new VirtualClock(NOW);
  }

  BytePlusClient client(Duration timeout) {
    return CloudTestSupport.client(ROLE, clock, new Fakes.RecordingSleeper(clock))
        .timeout(timeout)
        .build()
        .withDeadline(NOW.plusSeconds(2));
  }

  /** Every form a leaked secret could take: raw, and the signing keys in hex and Base64. */
  static List<String> secrets() {
    List<String> secrets = new ArrayList<>(List.of(SK, TOKEN));
    for (String service : List.of("auto_scaling", "cloudmonitor")) {
      byte[] key = Signer.signingKey(SK, "20240619T071306Z", REGION, service);
      secrets.add(HexFormat.of().formatHex(key));
      secrets.add(HexFormat.of().withUpperCase().formatHex(key));
      secrets.add(Base64.getEncoder().encodeToString(key));
    }
    return secrets;
  }

  static List<String> leaks(List<String> texts) {
    List<String> found = new ArrayList<>();
    for (String text : texts) {
      for (String secret : secrets()) {
        if (text != null && text.contains(secret)) {
          found.add(text);
        }
      }
    }
    return found;
  }

  record Failure(String name, Consumer<WireMockExtension> stub, Call call, Duration timeout) {
    Failure(String name, Consumer<WireMockExtension> stub, Call call) {
      this(name, stub, call, Duration.ofSeconds(2));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @FunctionalInterface
  interface Call {
    void run(BytePlusClient client, ServiceEndpoint endpoint) throws Exception;
  }

  static final Call DESCRIBE =
      (client, endpoint) ->
          AutoScalingApi.create(client, AutoScalingApi.endpoint(endpoint.uri()))
              .describeGroup(GROUP);
  static final Call METRICS =
      (client, endpoint) ->
          CloudMonitorApi.forLoadBalancer(
                  client, CloudMonitorApi.endpoint(endpoint.uri(), "cloudmonitor"), "alb-abc123")
              .qps(NOW.minusSeconds(300), NOW);

  static Consumer<WireMockExtension> always(int status, String body) {
    return s -> s.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withBody(body)));
  }

  static Consumer<WireMockExtension> thenOk(int status, String body) {
    return s -> {
      s.stubFor(
          any(anyUrl())
              .inScenario("f")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(aResponse().withStatus(status).withBody(body))
              .willSetStateTo("ok"));
      s.stubFor(
          any(anyUrl())
              .inScenario("f")
              .whenScenarioStateIs("ok")
              .willReturn(okJson(envelope("DescribeScalingGroups", "{\"ScalingGroups\":[]}"))));
    };
  }

  static Stream<Arguments> failures() {
    String action = "DescribeScalingGroups";
    return Stream.of(
            new Failure(
                "HTTP 500", always(500, errorEnvelope(action, "InternalError", "x")), DESCRIBE),
            new Failure(
                "HTTP 503",
                always(503, errorEnvelope(action, "ServiceUnavailableTemp", "x")),
                DESCRIBE),
            new Failure(
                "HTTP 429 then success",
                thenOk(429, errorEnvelope(action, "FlowLimitExceeded", "x")),
                DESCRIBE),
            new Failure(
                "HTTP 401 SignatureDoesNotMatch",
                always(401, errorEnvelope(action, "SignatureDoesNotMatch", "x")),
                DESCRIBE),
            new Failure(
                "error envelope on HTTP 200",
                always(200, errorEnvelope(action, "InvalidParameter", "x")),
                DESCRIBE),
            new Failure("malformed JSON", always(200, "{\"Result\":"), DESCRIBE),
            new Failure("non-JSON 502", always(502, "<html>bad gateway</html>"), DESCRIBE),
            new Failure(
                "unknown extra fields",
                always(200, envelope(action, "{\"ScalingGroups\":[],\"Novel\":1}")),
                DESCRIBE),
            new Failure(
                "read timeout",
                s -> s.stubFor(any(anyUrl()).willReturn(okJson("{}").withFixedDelay(1000))),
                DESCRIBE),
            new Failure(
                "connection reset",
                s ->
                    s.stubFor(
                        any(anyUrl())
                            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))),
                DESCRIBE),
            new Failure(
                "a NaN metric value",
                always(
                    200,
                    envelope(
                        "GetMetricData",
                        "{\"Data\":{\"MetricDataResults\":[{\"DataPoints\":"
                            + "[{\"Timestamp\":1,\"Value\":NaN}]}]}}")),
                METRICS),
            new Failure(
                "desired capacity out of range",
                always(200, envelope("ModifyScalingGroup", "{}")),
                (client, endpoint) ->
                    AutoScalingApi.create(client, AutoScalingApi.endpoint(endpoint.uri()))
                        .setDesiredCapacity(SNAPSHOT, 9)))
        .map(Arguments::of);
  }

  /** Without this, a capture that saw nothing would let every case below pass. */
  @Test
  void theClientsLogsOfARetriedCallAreSeen() {
    always(503, errorEnvelope("DescribeScalingGroups", "ServiceUnavailableTemp", "x"))
        .accept(server);
    ServiceEndpoint endpoint =
        ServiceEndpoint.of(CloudTestSupport.baseUri(server), "auto_scaling", "2020-01-01");

    assertThatThrownBy(() -> DESCRIBE.run(client(Duration.ofSeconds(1)), endpoint))
        .hasMessageContaining("ServiceUnavailableTemp");

    assertThat(logs.events())
        .extracting(ILoggingEvent::getLoggerName)
        .anyMatch(name -> name.startsWith("io.albqps."));
  }

  @ParameterizedTest(name = "{0}: no secret in logs, messages or toString")
  @MethodSource("failures")
  void failureLeavesNoSecretAnywhere(Failure failure) {
    failure.stub().accept(server);
    ServiceEndpoint endpoint =
        ServiceEndpoint.of(CloudTestSupport.baseUri(server), "auto_scaling", "2020-01-01");
    BytePlusClient client = client(failure.timeout());
    List<String> texts = new ArrayList<>();

    try {
      failure.call().run(client, endpoint);
    } catch (Exception e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        texts.add(t.toString());
        texts.add(t.getMessage());
      }
    }
    for (ILoggingEvent event : logs.events()) {
      texts.add(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        texts.add(t.getMessage());
      }
    }
    texts.add(client.toString());

    assertThat(texts).as("something was thrown or logged").hasSizeGreaterThan(1);
    assertThat(leaks(texts)).isEmpty();
  }

  @Test
  void valuesHoldingSecretsPrintNone() {
    BytePlusClient client = client(Duration.ofSeconds(1));
    SignedRequest signed =
        Signer.sign(
            "GET", "h", "/", Map.of(), Map.of(), new byte[0], ROLE, "auto_scaling", REGION, NOW);

    assertThat(leaks(List.of(ROLE.toString(), signed.toString(), client.toString()))).isEmpty();
  }

  @Test
  void theScanFindsASecretWhenOneIsThere() {
    String signingKey =
        HexFormat.of().formatHex(Signer.signingKey(SK, "20240619T071306Z", REGION, "cloudmonitor"));

    assertThat(leaks(List.of("token " + TOKEN, "key=" + signingKey, "sk " + SK))).hasSize(3);
  }
}
