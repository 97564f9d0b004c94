package io.albqps.emulator;

import static io.albqps.emulator.TestCalls.KEYS;
import static io.albqps.emulator.TestCalls.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.cloud.Credentials;
import io.albqps.time.VirtualClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The emulator accepts what BytePlus accepts and refuses the rest with the gateway's errors. */
class EmulatorAuthTest {
  private static final Credentials ROLE =
      new Credentials("AKLTrole", "role-secret", Optional.of("session-token-1"));

  private Emulator emulator;

  @BeforeEach
  void start() throws Exception {
    EmulatorConfig config = EmulatorConfig.builder().credentials(KEYS).credentials(ROLE).build();
    emulator = Emulator.start(config, new VirtualClock(T0));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private static TestCalls.Call describeGroups() {
    return TestCalls.autoScaling(
        "DescribeScalingGroups", Map.of("ScalingGroupIds.1", "scg-emulator"));
  }

  @Test
  void answersACallSignedWithTheProductionSigner() throws Exception {
    TestCalls.Reply reply = describeGroups().sendTo(emulator.endpoint());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().at("/ResponseMetadata/Action").asText())
        .isEqualTo("DescribeScalingGroups");
    assertThat(reply.json().at("/ResponseMetadata/Service").asText()).isEqualTo("auto_scaling");
    assertThat(reply.result().at("/ScalingGroups/0/ScalingGroupId").asText())
        .isEqualTo("scg-emulator");
  }

  @Test
  void acceptsASignatureOverXDateOnlyAsTheJavaSdkSigns() throws Exception {
    TestCalls.Reply reply =
        TestCalls.metricData(TestCalls.qpsBody("alb-emulator", 0, 60, "60s"))
            .signingOnly(Set.of("x-date"))
            .sendTo(emulator.endpoint());

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void acceptsTheVolcObserveServiceNameForCloudMonitor() throws Exception {
    TestCalls.Reply reply =
        TestCalls.metricData(TestCalls.qpsBody("alb-emulator", 0, 60, "60s"))
            .withService("volc_observe")
            .sendTo(emulator.endpoint());

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void acceptsRoleCredentialsWithTheirSessionToken() throws Exception {
    TestCalls.Reply reply = describeGroups().withCredentials(ROLE).sendTo(emulator.endpoint());

    assertThat(reply.status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0} -> HTTP {2} {3}")
  @MethodSource("refusals")
  void refusesLikeBytePlus(String what, TestCalls.Call call, int status, String code)
      throws Exception {
    TestCalls.Reply reply = call.sendTo(emulator.endpoint());

    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.errorCode()).isEqualTo(code);
    assertThat(reply.json().path("Result").isMissingNode()).isTrue();
  }

  static Stream<Arguments> refusals() {
    TestCalls.Call ok = describeGroups();
    Map<String, String> tampered = new LinkedHashMap<>(ok.query());
    tampered.put("ScalingGroupIds.1", "scg-other");
    return Stream.of(
        Arguments.of(
            "signed with a wrong secret",
            ok.withCredentials(Credentials.of(KEYS.accessKeyId(), "not-the-secret")),
            401,
            "SignatureDoesNotMatch"),
        Arguments.of(
            "query changed after signing", ok.sendingQuery(tampered), 401, "SignatureDoesNotMatch"),
        Arguments.of(
            "body changed after signing",
            TestCalls.metricData(TestCalls.qpsBody("alb-emulator", 0, 60, "60s"))
                .spoilingHeaders(
                    h -> {
                      h.put("X-Content-Sha256", "0".repeat(64));
                      return h;
                    }),
            401,
            "SignatureDoesNotMatch"),
        Arguments.of(
            "unknown access key",
            ok.withCredentials(Credentials.of("AKLTnobody", "whatever")),
            401,
            "InvalidAccessKey"),
        Arguments.of(
            "no Authorization header",
            ok.spoilingHeaders(
                h -> {
                  h.remove("Authorization");
                  return h;
                }),
            401,
            "MissingAuthenticationToken"),
        Arguments.of(
            "X-Date 16 minutes old",
            ok.signedAt(T0.minus(Duration.ofMinutes(16))),
            400,
            "InvalidTimestamp"),
        Arguments.of(
            "X-Date 16 minutes ahead",
            ok.signedAt(T0.plus(Duration.ofMinutes(16))),
            400,
            "InvalidTimestamp"),
        Arguments.of(
            "role key without its session token",
            ok.withCredentials(ROLE)
                .spoilingHeaders(
                    h -> {
                      h.remove("X-Security-Token");
                      return h;
                    }),
            401,
            "InvalidSecurityToken"),
        Arguments.of(
            "unknown action",
            TestCalls.autoScaling("DescribeEverything", Map.of()),
            404,
            "InvalidActionOrVersion"),
        Arguments.of(
            "wrong version",
            TestCalls.autoScaling("DescribeScalingGroups", Map.of("Version", "2018-01-01")),
            404,
            "InvalidActionOrVersion"),
        Arguments.of(
            "AutoScaling action signed for another service",
            ok.withService("ecs"),
            404,
            "ServiceNotFound"),
        Arguments.of(
            "missing required parameter",
            TestCalls.autoScaling("DescribeScalingInstances", Map.of()),
            400,
            "MissingParameter"),
        Arguments.of(
            "GetMetricData without MetricName",
            TestCalls.metricData("{\"Namespace\":\"VCM_ALB\",\"SubNamespace\":\"loadbalancer\"}"),
            400,
            "MissingParameter"));
  }

  @Test
  void acceptsAnXDateWithinFifteenMinutes() throws Exception {
    TestCalls.Reply reply =
        describeGroups().signedAt(T0.minus(Duration.ofMinutes(14))).sendTo(emulator.endpoint());

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void errorMessagesNeverContainTheSecret() throws Exception {
    TestCalls.Reply reply =
        describeGroups()
            .withCredentials(Credentials.of(KEYS.accessKeyId(), "not-the-secret"))
            .sendTo(emulator.endpoint());

    assertThat(reply.body())
        .doesNotContain(KEYS.secretAccessKey())
        .doesNotContain("not-the-secret");
  }
}
