package io.albqps.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.albqps.config.AlertWebhookFormat;
import io.albqps.testing.LogCapture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookAlertSenderTest {
  /** The path and query stand for a webhook's token: they must never reach a log line. */
  private static final String HOOK = "/open-apis/bot/v2/hook/SECRET-PATH-TOKEN?sign=SECRET-QUERY";

  private static final Alert SCALE_UP =
      new Alert(
          "scale_up",
          "success",
          "qps_above_threshold",
          Map.of("current_qps", 120.5, "current_instances", 2, "new_desired", 3),
          false,
          Instant.parse("2024-01-15T10:30:00Z"),
          "req-12345");

  @RegisterExtension
  static WireMockExtension webhook =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  private final OkHttpClient client = new OkHttpClient();
  @RegisterExtension final LogCapture logs = LogCapture.of(WebhookAlertSender.class);

  @AfterEach
  void closeTheClient() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  @Test
  void jsonFormatPostsTheOriginalPayloadWithTimestampAndExecutionId() {
    webhook.stubFor(post(urlEqualTo(HOOK)).willReturn(okJson("{}")));

    sender(AlertWebhookFormat.JSON).send(SCALE_UP);

    webhook.verify(
        postRequestedFor(urlEqualTo(HOOK))
            .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
            .withRequestBody(
                equalTo(
                    "{\"timestamp\":\"2024-01-15T10:30:00Z\","
                        + "\"service\":\"byteplus-alb-autoscaling\","
                        + "\"alb_id\":\"alb-123\",\"autoscaling_group_id\":\"scg-456\","
                        + "\"action\":\"scale_up\",\"status\":\"success\","
                        + "\"message\":\"qps_above_threshold\","
                        + "\"details\":{\"current_instances\":2,\"current_qps\":120.5,"
                        + "\"new_desired\":3},"
                        + "\"dry_run\":false,\"execution_id\":\"req-12345\"}")));
  }

  @Test
  void larkFormatPostsATextMessage() {
    webhook.stubFor(post(urlEqualTo(HOOK)).willReturn(okJson("{\"code\":0,\"msg\":\"success\"}")));

    sender(AlertWebhookFormat.LARK).send(SCALE_UP);

    webhook.verify(
        postRequestedFor(urlEqualTo(HOOK))
            .withRequestBody(
                equalTo(
                    "{\"msg_type\":\"text\",\"content\":{\"text\":"
                        + "\"[byteplus-alb-autoscaling] scale_up success: qps_above_threshold\\n"
                        + "group scg-456, ALB alb-123\\n"
                        + "current_instances=2, current_qps=120.5, new_desired=3\\n"
                        + "execution req-12345 at 2024-01-15T10:30:00Z\"}}")));
    assertThat(logs.events()).isEmpty();
  }

  @Test
  void slackFormatPostsATextMessage() {
    webhook.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(200).withBody("ok")));

    sender(AlertWebhookFormat.SLACK).send(SCALE_UP);

    webhook.verify(
        postRequestedFor(urlEqualTo(HOOK))
            .withRequestBody(
                equalTo(
                    "{\"text\":"
                        + "\"[byteplus-alb-autoscaling] scale_up success: qps_above_threshold\\n"
                        + "group scg-456, ALB alb-123\\n"
                        + "current_instances=2, current_qps=120.5, new_desired=3\\n"
                        + "execution req-12345 at 2024-01-15T10:30:00Z\"}")));
  }

  @Test
  void dryRunAlertSaysSoInTheText() {
    Alert dryRun =
        new Alert(
            "scale_down", "success", "qps_below_threshold", Map.of(), true, SCALE_UP.at(), "r-1");

    assertThat(AlertBody.text(dryRun, "alb-1", "scg-1"))
        .startsWith("[DRY RUN] [byteplus-alb-autoscaling] scale_down success")
        .doesNotContain("\n\n");
  }

  @Test
  void detailsThatAreNotPlainJsonValuesAreSentAsText() {
    webhook.stubFor(post(urlEqualTo(HOOK)).willReturn(okJson("{}")));
    Alert withTime =
        new Alert(
            "error",
            "error",
            "GetMetricData failed",
            Map.of("at", Instant.parse("2024-01-15T10:29:00Z"), "retries", List.of(1, 2)),
            false,
            SCALE_UP.at(),
            "req-9");

    sender(AlertWebhookFormat.JSON).send(withTime);

    webhook.verify(
        postRequestedFor(urlEqualTo(HOOK))
            .withRequestBody(
                containing("\"details\":{\"at\":\"2024-01-15T10:29:00Z\",\"retries\":[1,2]}")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deliveryFailures")
  void failedDeliveryIsSwallowedAndLoggedWithoutTheUrlsToken(
      String name, ResponseDefinitionBuilder answer) {
    webhook.stubFor(post(urlEqualTo(HOOK)).willReturn(answer));

    assertThatCode(() -> sender(AlertWebhookFormat.JSON).send(SCALE_UP)).doesNotThrowAnyException();

    assertThat(warnings()).hasSize(1);
    assertThat(warnings().get(0))
        .contains("scale_up success not delivered")
        .contains("http://127.0.0.1:" + webhook.getPort())
        .doesNotContain("SECRET");
  }

  static Stream<Arguments> deliveryFailures() {
    return Stream.of(
        Arguments.of("HTTP 500", aResponse().withStatus(500).withBody("boom")),
        Arguments.of("HTTP 404", aResponse().withStatus(404)),
        Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
        Arguments.of("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE)),
        Arguments.of("garbage response", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
  }

  @Test
  void webhookSlowerThanTheTimeoutIsSwallowedAndLogged() {
    webhook.stubFor(post(urlEqualTo(HOOK)).willReturn(okJson("{}").withFixedDelay(3_000)));
    WebhookAlertSender impatient = sender(AlertWebhookFormat.JSON, Duration.ofMillis(300));

    assertThatCode(() -> impatient.send(SCALE_UP)).doesNotThrowAnyException();

    // OkHttp reports whichever of its timers fires first: the call or read timeout
    // (InterruptedIOException/SocketTimeoutException "timeout") or the socket's own read timeout
    // (SocketTimeoutException "Read timed out").
    assertThat(warnings())
        .singleElement()
        .asString()
        .contains("not delivered")
        .containsAnyOf("timeout", "timed out")
        .doesNotContain("SECRET");
  }

  @Test
  void unreachableWebhookIsSwallowedAndLogged() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    WebhookAlertSender sender =
        WebhookAlertSender.create(
            "http://127.0.0.1:" + closedPort + HOOK,
            AlertWebhookFormat.SLACK,
            "alb-123",
            "scg-456",
            client,
            Duration.ofMillis(300));

    assertThatCode(() -> sender.send(SCALE_UP)).doesNotThrowAnyException();

    assertThat(warnings()).singleElement().asString().doesNotContain("SECRET");
  }

  @Test
  void larkRefusalOnHttp200IsLogged() {
    webhook.stubFor(
        post(urlEqualTo(HOOK))
            .willReturn(
                okJson(
                    "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}")));

    sender(AlertWebhookFormat.LARK).send(SCALE_UP);

    assertThat(warnings())
        .singleElement()
        .asString()
        .contains("refused by Lark")
        .contains("19021")
        .doesNotContain("SECRET");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("rejectedUrls")
  void urlThatIsNotHttpsOrLoopbackIsRejectedWithoutRepeatingItsToken(String url) {
    assertThatThrownBy(
            () -> WebhookAlertSender.create(url, AlertWebhookFormat.JSON, "alb-1", "scg-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ALERT_WEBHOOK_URL")
        .hasMessageNotContaining("SECRET");
  }

  static Stream<String> rejectedUrls() {
    return Stream.of(
        "http://hooks.example.com/services/SECRET",
        "ftp://hooks.example.com/SECRET",
        "not a url SECRET",
        "");
  }

  /** Generous timeout: the machine may be busy, and only the timeout test wants one to fire. */
  private WebhookAlertSender sender(AlertWebhookFormat format) {
    return sender(format, Duration.ofSeconds(10));
  }

  private WebhookAlertSender sender(AlertWebhookFormat format, Duration timeout) {
    return WebhookAlertSender.create(
        "http://127.0.0.1:" + webhook.getPort() + HOOK,
        format,
        "alb-123",
        "scg-456",
        client,
        timeout);
  }

  private List<String> warnings() {
    return logs.messages(Level.WARN);
  }
}
