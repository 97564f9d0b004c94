package io.albqps.cloud;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.albqps.cloud.CloudTestSupport.AK;
import static io.albqps.cloud.CloudTestSupport.KEYS;
import static io.albqps.cloud.CloudTestSupport.NOW;
import static io.albqps.cloud.CloudTestSupport.ROLE;
import static io.albqps.cloud.CloudTestSupport.SK;
import static io.albqps.cloud.CloudTestSupport.TOKEN;
import static io.albqps.cloud.CloudTestSupport.envelope;
import static io.albqps.cloud.CloudTestSupport.errorEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.albqps.time.VirtualClock;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The client's request shape, envelope parsing and retry rules against a loopback server. */
class BytePlusClientTest {
  @RegisterExtension static WireMockExtension server = CloudTestSupport.loopbackWireMock();

  static final String ACTION = "DescribeScalingGroups";
  static final String OK = envelope(ACTION, "{\"ScalingGroups\":[]}");

  VirtualClock clock;
  Fakes.RecordingSleeper sleeper;
  ServiceEndpoint endpoint;

  @BeforeEach
  void setUp() {
    clock = new VirtualClock(NOW);
    sleeper = new Fakes.RecordingSleeper(clock);
    endpoint = ServiceEndpoint.of(CloudTestSupport.baseUri(server), "auto_scaling", "2020-01-01");
  }

  BytePlusClient client() {
    return CloudTestSupport.client(KEYS, clock, sleeper).build();
  }

  ApiResponse callOnce(BytePlusClient client) throws ApiException {
    return client.get(endpoint, ACTION, Map.of("ScalingGroupIds", List.of("scg-abc")));
  }

  void stub(int status, String body) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withBody(body)));
  }

  void stubSequence(String first, int firstStatus, int times) {
    String state = Scenario.STARTED;
    for (int i = 0; i < times; i++) {
      String next = "after-" + (i + 1);
      server.stubFor(
          any(anyUrl())
              .inScenario("sequence")
              .whenScenarioStateIs(state)
              .willReturn(aResponse().withStatus(firstStatus).withBody(first))
              .willSetStateTo(next));
      state = next;
    }
    server.stubFor(
        any(anyUrl()).inScenario("sequence").whenScenarioStateIs(state).willReturn(okJson(OK)));
  }

  int requestCount() {
    return server.findAll(anyRequestedFor(anyUrl())).size();
  }

  @Test
  void getSendsActionVersionAndParametersInTheQueryWithAVerifiableSignature() throws Exception {
    stub(200, OK);

    callOnce(client());

    LoggedRequest sent = server.getAllServeEvents().get(0).getRequest();
    assertThat(sent.getMethod().getName()).isEqualTo("GET");
    assertThat(sent.getUrl())
        .isEqualTo("/?Action=DescribeScalingGroups&ScalingGroupIds.1=scg-abc&Version=2020-01-01");
    assertThat(sent.getBody()).isEmpty();
    assertThat(sent.getHeader("X-Date")).isEqualTo("20240619T071306Z");
    SignatureCheck.Verified verified = SignatureCheck.verify(sent, SK);
    assertThat(verified)
        .isEqualTo(
            new SignatureCheck.Verified(
                AK, "ap-southeast-1", "auto_scaling", "host;x-content-sha256;x-date"));
  }

  @Test
  void aClientWithoutTlsCallsPlainHttpEndpoints() throws Exception {
    stub(200, OK);

    ApiResponse response =
        callOnce(CloudTestSupport.client(KEYS, clock, sleeper).tls(false).build());

    assertThat(response.action()).isEqualTo(ACTION);
    assertThat(requestCount()).isEqualTo(1);
  }

  @Test
  void aClientWithoutTlsRefusesAnHttpsEndpointBeforeAnyCall() {
    BytePlusClient plain = CloudTestSupport.client(KEYS, clock, sleeper).tls(false).build();
    ServiceEndpoint secure =
        ServiceEndpoint.of(
            java.net.URI.create("https://127.0.0.1:" + server.getPort()),
            "auto_scaling",
            "2020-01-01");

    assertThatThrownBy(() -> plain.get(secure, ACTION, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tls(false)")
        .hasMessageContaining("https://127.0.0.1:");
    assertThat(requestCount()).isZero();
  }

  @Test
  void postSendsTheJsonBodyWithItsContentTypeSigned() throws Exception {
    stub(200, envelope("GetMetricData", "{}"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("StartTime", 1718780000);
    body.put("Namespace", "VCM_ALB");

    client().postJson(endpoint, "GetMetricData", body);

    LoggedRequest sent = server.getAllServeEvents().get(0).getRequest();
    assertThat(sent.getMethod().getName()).isEqualTo("POST");
    assertThat(sent.getUrl()).isEqualTo("/?Action=GetMetricData&Version=2020-01-01");
    assertThat(sent.getBodyAsString())
        .isEqualTo("{\"StartTime\":1718780000,\"Namespace\":\"VCM_ALB\"}");
    assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(SignatureCheck.verify(sent, SK).signedHeaders())
        .isEqualTo("content-type;host;x-content-sha256;x-date");
  }

  @Test
  void sendsTheQueryExactlyAsSignedWithSpacesAsPercent20() throws Exception {
    stub(200, OK);

    client().get(endpoint, ACTION, Map.of("ScalingGroupNames", List.of("my group*1")));

    LoggedRequest sent = server.getAllServeEvents().get(0).getRequest();
    assertThat(sent.getUrl()).contains("ScalingGroupNames.1=my%20group%2A1");
    SignatureCheck.verify(sent, SK);
  }

  @Test
  void sendsTheSessionTokenOfRoleCredentials() throws Exception {
    stub(200, OK);

    callOnce(client().withCredentials(ROLE));

    LoggedRequest sent = server.getAllServeEvents().get(0).getRequest();
    assertThat(sent.getHeader("X-Security-Token")).isEqualTo(TOKEN);
    SignatureCheck.verify(sent, SK);
  }

  @Test
  void withCredentialsSignsWithTheNewKeysAndLeavesTheOriginalUnchanged() throws Exception {
    stub(200, OK);
    BytePlusClient original = client();
    Credentials other = Credentials.of("AKLTother", "other-secret");

    callOnce(original.withCredentials(other));
    callOnce(original);

    List<LoggedRequest> sent = server.findAll(anyRequestedFor(anyUrl()));
    assertThat(SignatureCheck.verify(sent.get(0), "other-secret").accessKeyId())
        .isEqualTo("AKLTother");
    assertThat(SignatureCheck.verify(sent.get(1), SK).accessKeyId()).isEqualTo(AK);
  }

  @Test
  void returnsTheResultAndRequestId() throws Exception {
    stub(200, envelope(ACTION, "{\"TotalCount\":7}"));

    ApiResponse response = callOnce(client());

    assertThat(response.result().get("TotalCount").intValue()).isEqualTo(7);
    assertThat(response.requestId()).isEqualTo("req-" + ACTION);
  }

  @Test
  void toleratesUnknownFieldsInTheEnvelopeAndResult() throws Exception {
    stub(
        200,
        "{\"Extra\":[1,2],\"ResponseMetadata\":{\"RequestId\":\"r1\",\"Novel\":{\"x\":1}},"
            + "\"Result\":{\"TotalCount\":1,\"Unheard\":\"of\"}}");

    ApiResponse response = callOnce(client());

    assertThat(response.result().get("TotalCount").intValue()).isEqualTo(1);
  }

  @Test
  void errorEnvelopeOnHttp200IsAFailureAndNotRetried() {
    stub(200, errorEnvelope(ACTION, "InvalidParameter", "ScalingGroupIds.1 is invalid"));

    ApiException e = catchThrowableOfType(ApiException.class, () -> callOnce(client()));

    assertThat(e.httpStatus()).isEqualTo(200);
    assertThat(e.errorCode()).contains("InvalidParameter");
    assertThat(e.requestId()).contains("req-err-" + ACTION);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage())
        .isEqualTo(
            "DescribeScalingGroups failed: HTTP 200 InvalidParameter: ScalingGroupIds.1 is invalid"
                + " (request req-err-DescribeScalingGroups)");
    assertThat(requestCount()).isEqualTo(1);
  }

  @Test
  void signatureMismatchIsNotRetried() {
    stub(
        401,
        errorEnvelope(ACTION, "SignatureDoesNotMatch", "The request signature does not match"));

    ApiException e = catchThrowableOfType(ApiException.class, () -> callOnce(client()));

    assertThat(e.httpStatus()).isEqualTo(401);
    assertThat(e.errorCode()).contains("SignatureDoesNotMatch");
    assertThat(e.retryable()).isFalse();
    assertThat(requestCount()).isEqualTo(1);
    assertThat(sleeper.millis()).isEmpty();
  }

  @Test
  void throttledCallIsRetriedWithBackoffThenSucceeds() throws Exception {
    stubSequence(errorEnvelope(ACTION, "FlowLimitExceeded", "Flow limit exceeded"), 429, 2);

    ApiResponse response = callOnce(client());

    assertThat(response.requestId()).isEqualTo("req-" + ACTION);
    assertThat(requestCount()).isEqualTo(3);
    assertThat(sleeper.millis()).containsExactly(200L, 400L);
  }

  @Test
  void eachRetryIsSignedAgainAtItsOwnTime() throws Exception {
    stubSequence(errorEnvelope(ACTION, "FlowLimitExceeded", "slow down"), 429, 1);
    BytePlusClient client =
        CloudTestSupport.client(KEYS, clock, sleeper)
            .backoff(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .build();

    callOnce(client);

    List<LoggedRequest> sent = server.findAll(anyRequestedFor(anyUrl()));
    assertThat(sent)
        .extracting(r -> r.getHeader("X-Date"))
        .containsExactly("20240619T071306Z", "20240619T071308Z");
    sent.forEach(r -> SignatureCheck.verify(r, SK));
  }

  @Test
  void serviceUnavailableIsRetriedThenSucceeds() throws Exception {
    stubSequence(errorEnvelope(ACTION, "ServiceUnavailableTemp", "busy"), 503, 1);

    callOnce(client());

    assertThat(requestCount()).isEqualTo(2);
    assertThat(sleeper.millis()).containsExactly(200L);
  }

  @Test
  void internalErrorIsRetriedUpToMaxRetriesThenReported() {
    stub(500, errorEnvelope(ACTION, "InternalError", "oops"));

    ApiException e = catchThrowableOfType(ApiException.class, () -> callOnce(client()));

    assertThat(requestCount()).isEqualTo(4);
    assertThat(sleeper.millis()).containsExactly(200L, 400L, 800L);
    assertThat(e.httpStatus()).isEqualTo(500);
    assertThat(e.errorCode()).contains("InternalError");
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("gave up after 4 attempts");
  }

  @Test
  void backoffIsCappedAtTheConfiguredMaximum() {
    stub(502, "Bad Gateway");
    BytePlusClient client =
        CloudTestSupport.client(KEYS, clock, sleeper)
            .maxRetries(4)
            .backoff(Duration.ofMillis(200), Duration.ofMillis(500))
            .build();

    assertThatThrownBy(() -> callOnce(client)).isInstanceOf(ApiException.class);

    assertThat(sleeper.millis()).containsExactly(200L, 400L, 500L, 500L);
  }

  @ParameterizedTest(name = "HTTP {0} {1}: retried = {2}")
  @MethodSource("statuses")
  void retriesOnlyThrottlingAndServerErrors(int status, String code, boolean retried) {
    stub(status, errorEnvelope(ACTION, code, "x"));
    BytePlusClient client = CloudTestSupport.client(KEYS, clock, sleeper).maxRetries(1).build();

    ApiException e = catchThrowableOfType(ApiException.class, () -> callOnce(client));

    assertThat(e.retryable()).isEqualTo(retried);
    assertThat(requestCount()).isEqualTo(retried ? 2 : 1);
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, "MissingParameter", false),
        Arguments.of(400, "InvalidTimestamp", false),
        Arguments.of(401, "InvalidAccessKey", false),
        Arguments.of(403, "AccessDenied", false),
        Arguments.of(404, "InvalidActionOrVersion", false),
        Arguments.of(405, "MethodNotAllowed", false),
        Arguments.of(429, "AccountFlowLimitExceeded", true),
        Arguments.of(500, "InternalError", true),
        Arguments.of(501, "NotImplemented", false),
        Arguments.of(502, "FailToConnect", true),
        Arguments.of(503, "ServiceUnavailableTemp", true),
        Arguments.of(504, "InternalServiceTimeout", true));
  }

  @Test
  void serverErrorWithoutAJsonBodyIsStillRetriedAndReported() {
    stub(503, "<html>Service Unavailable</html>");
    BytePlusClient client = CloudTestSupport.client(KEYS, clock, sleeper).maxRetries(1).build();

    ApiException e = catchThrowableOfType(ApiException.class, () -> callOnce(client));

    assertThat(requestCount()).isEqualTo(2);
    assertThat(e.httpStatus()).isEqualTo(503);
    assertThat(e.errorCode()).isEmpty();
    assertThat(e.getMessage()).contains("<html>Service Unavailable</html>");
  }

  @Test
  void malformedJsonOnSuccessIsAnErrorAndNotRetried() {
    stub(200, "{\"ResponseMetadata\":{\"RequestId\":\"r\"},\"Result\":{");

    ApiException e = catchThrowableOfType(ApiException.class, () -> callOnce(client()));

    assertThat(e.errorCode()).contains("MalformedResponse");
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("not a JSON object");
    assertThat(requestCount()).isEqualTo(1);
  }

  @Test
  void successWithoutResultIsMalformed() {
    stub(200, "{\"ResponseMetadata\":{\"RequestId\":\"r-9\"}}");

    ApiException e = catchThrowableOfType(ApiException.class, () -> callOnce(client()));

    assertThat(e.errorCode()).contains("MalformedResponse");
    assertThat(e.requestId()).contains("r-9");
    assertThat(e.getMessage()).contains("no Result");
  }

  /**
   * The first answer is held back three times the timeout, so it always times out; the retry is
   * answered at once, and its 2 s are plenty for a loopback call on a slow machine (at 1 s, a slow
   * retry timed out too and made a third request).
   */
  @Test
  void readTimeoutIsATransportErrorThatIsRetried() throws Exception {
    server.stubFor(
        any(anyUrl())
            .inScenario("slow")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(OK).withFixedDelay(6000))
            .willSetStateTo("fast"));
    server.stubFor(
        any(anyUrl()).inScenario("slow").whenScenarioStateIs("fast").willReturn(okJson(OK)));
    BytePlusClient client =
        CloudTestSupport.client(KEYS, clock, sleeper).timeout(Duration.ofSeconds(2)).build();

    callOnce(client);

    assertThat(requestCount()).isEqualTo(2);
    assertThat(sleeper.millis()).containsExactly(200L);
  }

  @Test
  void readTimeoutWithoutRetriesReportsATransportError() {
    server.stubFor(any(anyUrl()).willReturn(okJson(OK).withFixedDelay(1500)));
    BytePlusClient client =
        CloudTestSupport.client(KEYS, clock, sleeper)
            .timeout(Duration.ofMillis(250))
            .maxRetries(0)
            .build();

    ApiException e = catchThrowableOfType(ApiException.class, () -> callOnce(client));

    assertThat(e.httpStatus()).isZero();
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).startsWith("DescribeScalingGroups failed: transport error");
    assertThat(e.getCause())
        .isInstanceOfAny(SocketTimeoutException.class, InterruptedIOException.class);
  }

  @Test
  void connectionResetIsRetriedThenSucceeds() throws Exception {
    server.stubFor(
        any(anyUrl())
            .inScenario("reset")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("ok"));
    server.stubFor(
        any(anyUrl()).inScenario("reset").whenScenarioStateIs("ok").willReturn(okJson(OK)));

    callOnce(client());

    assertThat(requestCount()).isEqualTo(2);
    assertThat(sleeper.millis()).containsExactly(200L);
  }

  @Test
  void connectionResetEveryTimeEndsAsARetryableTransportError() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    ApiException e = catchThrowableOfType(ApiException.class, () -> callOnce(client()));

    assertThat(e.httpStatus()).isZero();
    assertThat(e.retryable()).isTrue();
    assertThat(requestCount()).isEqualTo(4);
  }

  @Test
  void unknownHostIsATransportError() {
    BytePlusClient client = CloudTestSupport.client(KEYS, clock, sleeper).maxRetries(0).build();
    ServiceEndpoint nowhere =
        ServiceEndpoint.of(
            java.net.URI.create("http://no-such-host.invalid"), "auto_scaling", "2020-01-01");

    ApiException e =
        catchThrowableOfType(ApiException.class, () -> client.get(nowhere, ACTION, Map.of()));

    assertThat(e.httpStatus()).isZero();
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void retriesStopWhenTheNextSleepWouldPassTheDeadline() {
    stub(503, errorEnvelope(ACTION, "ServiceUnavailableTemp", "busy"));
    BytePlusClient client =
        CloudTestSupport.client(KEYS, clock, sleeper)
            .maxRetries(10)
            .build()
            .withDeadline(NOW.plusSeconds(1));

    ApiException e = catchThrowableOfType(ApiException.class, () -> callOnce(client));

    // 200 ms then 400 ms fit before the deadline; the next 800 ms would end at 1.4 s.
    assertThat(sleeper.millis()).containsExactly(200L, 400L);
    assertThat(requestCount()).isEqualTo(3);
    assertThat(e.getMessage()).contains("deadline after 3 attempts");
    assertThat(clock.instant()).isBefore(NOW.plusSeconds(1));
  }

  @Test
  void aDeadlineAlreadyPassedAllowsOneAttemptAndNoRetry() {
    stub(503, errorEnvelope(ACTION, "ServiceUnavailableTemp", "busy"));
    BytePlusClient client = client().withDeadline(NOW.minusSeconds(1));

    assertThatThrownBy(() -> callOnce(client)).isInstanceOf(ApiException.class);

    assertThat(requestCount()).isEqualTo(1);
    assertThat(sleeper.millis()).isEmpty();
  }

  @Test
  void interruptedBackoffStopsWithANonRetryableError() {
    stub(503, errorEnvelope(ACTION, "ServiceUnavailableTemp", "busy"));
    BytePlusClient client =
        CloudTestSupport.client(KEYS, clock, sleeper)
            .sleeper(
                d -> {
                  throw new InterruptedException("stop");
                })
            .build();

    ApiException e = catchThrowableOfType(ApiException.class, () -> callOnce(client));

    assertThat(e.retryable()).isFalse();
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void toStringShowsTheKeyIdOnly() {
    assertThat(client().withCredentials(ROLE).toString())
        .contains(AK)
        .doesNotContain(SK)
        .doesNotContain(TOKEN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSettings")
  void builderRejectsOutOfRangeSettings(String description, Runnable build) {
    assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of(
            "negative retries",
            (Runnable) () -> BytePlusClient.builder(KEYS, "ap-southeast-1").maxRetries(-1)),
        Arguments.of(
            "eleven retries",
            (Runnable) () -> BytePlusClient.builder(KEYS, "ap-southeast-1").maxRetries(11)),
        Arguments.of(
            "zero timeout",
            (Runnable) () -> BytePlusClient.builder(KEYS, "ap-southeast-1").timeout(Duration.ZERO)),
        Arguments.of(
            "backoff cap below base",
            (Runnable)
                () ->
                    BytePlusClient.builder(KEYS, "ap-southeast-1")
                        .backoff(Duration.ofSeconds(1), Duration.ofMillis(10))),
        Arguments.of("blank region", (Runnable) () -> BytePlusClient.builder(KEYS, " ")));
  }

  @Test
  void requestPathComesFromTheEndpoint() throws Exception {
    server.stubFor(any(urlPathEqualTo("/gateway/")).willReturn(okJson(OK)));
    ServiceEndpoint prefixed =
        ServiceEndpoint.of(
            CloudTestSupport.baseUri(server).resolve("/gateway/"), "auto_scaling", "2020-01-01");

    client().get(prefixed, ACTION, Map.of());

    SignatureCheck.verify(server.getAllServeEvents().get(0).getRequest(), SK);
  }
}
