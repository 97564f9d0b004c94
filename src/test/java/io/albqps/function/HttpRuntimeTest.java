package io.albqps.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.albqps.cloud.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The veFaaS runtime on an ephemeral loopback port, called with a real HTTP client. */
class HttpRuntimeTest {
  private final Fixture f = new Fixture();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();
  private HttpRuntime runtime;

  @AfterEach
  void stop() {
    if (runtime != null) {
      runtime.close();
    }
    f.close();
  }

  private URI start() throws IOException {
    RuntimeOptions options =
        new RuntimeOptions("127.0.0.1", 0, Duration.ofSeconds(30), "alb-qps-autoscaler");
    runtime = HttpRuntime.start(f.handler(), options, f.clock);
    return URI.create("http://127.0.0.1:" + runtime.port());
  }

  private HttpResponse<String> post(URI base, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/")).POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode json(HttpResponse<String> response) throws IOException {
    return mapper.readTree(response.body());
  }

  @Test
  void answersPing() throws Exception {
    URI base = start();

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("/v1/ping")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(f.cloud.totalCalls()).isZero();
  }

  @Test
  void binaryTimerCloudEventEvaluatesAfterTheInitialDelay() throws Exception {
    // Below the 30 s function timeout, as configuration requires: at the timeout itself the reads
    // would get no time left and the outcome would depend on how fast the machine is.
    f.config(f.config.withInitialDelay(Duration.ofSeconds(15)));
    f.cloud.qps(f.clock.instant(), 100);
    URI base = start();

    HttpResponse<String> response =
        post(
            base,
            "{\"body\":\"tick\"}",
            "ce-type",
            "bytefaas.timer.event",
            "ce-specversion",
            "1.0",
            "X-Faas-Request-Id",
            "req-timer-1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("execution_id").asText()).isEqualTo("req-timer-1");
    assertThat(f.sleeps).containsExactly(Duration.ofSeconds(15));
    assertThat(f.cloud.count(CloudReads.GET_METRIC_DATA)).isEqualTo(1);
  }

  @Test
  void structuredTimerCloudEventEvaluates() throws Exception {
    f.cloud.qps(f.clock.instant(), 250);
    URI base = start();

    HttpResponse<String> response =
        post(
            base,
            "{\"id\":\"9cab\",\"source\":\"/faas/event/timer/x\",\"specversion\":\"1.0\","
                + "\"type\":\"faas.timer.event\",\"data\":\"{}\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).at("/result/action").asText()).isEqualTo("scale_up");
    assertThat(f.cloud.modifications).containsExactly(5);
  }

  @Test
  void manualDryRunInvokeChangesNothing() throws Exception {
    f.cloud.qps(f.clock.instant(), 250);
    URI base = start();

    HttpResponse<String> response =
        post(base, "{\"type\":\"scaling_evaluation\",\"dry_run\":true}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).at("/result/details/dry_run").asBoolean()).isTrue();
    assertThat(json(response).at("/result/action").asText()).isEqualTo("scale_up");
    assertThat(f.cloud.modifications).isEmpty();
    assertThat(f.store.current().scaler().lastScaleUp()).isEmpty();
  }

  @Test
  void unknownEventTypeIsA400NamingTheAllowedTypes() throws Exception {
    URI base = start();

    HttpResponse<String> response = post(base, "{\"type\":\"scale_now\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/result/message").asText())
        .contains("scale_now")
        .contains("scaling_evaluation, status, validation, faas.timer.event");
    assertThat(f.cloud.totalCalls()).isZero();
  }

  @Test
  void malformedBodyIsA400() throws Exception {
    URI base = start();

    HttpResponse<String> response = post(base, "{\"type\": ");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/error/type").asText()).isEqualTo("invalid_event");
    assertThat(f.cloud.totalCalls()).isZero();
  }

  @Test
  void signsWithRoleCredentialsFromTheFaasHeaders() throws Exception {
    AtomicReference<Optional<Credentials>> seen = new AtomicReference<>();
    f.connector =
        (role, deadline) -> {
          seen.set(role);
          return f.cloud.apis();
        };
    f.cloud.qps(f.clock.instant(), 100);
    URI base = start();

    HttpResponse<String> response =
        post(
            base,
            "",
            "X-Faas-Access-Key-Id",
            "AKTEMP",
            "X-Faas-Secret-Access-Key",
            "temp-secret",
            "X-Faas-Session-Token",
            "temp-token");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(seen.get())
        .contains(new Credentials("AKTEMP", "temp-secret", Optional.of("temp-token")));
    assertThat(response.body()).doesNotContain("temp-secret").doesNotContain("temp-token");
  }

  @Test
  void generatesARequestIdWhenThePlatformSendsNone() throws Exception {
    f.cloud.qps(f.clock.instant(), 100);
    URI base = start();

    HttpResponse<String> response = post(base, "");

    assertThat(json(response).path("execution_id").asText()).startsWith("local-");
  }

  @Test
  void stopLetsTheInvocationInFlightFinish() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    f.connector =
        (role, deadline) -> {
          entered.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return f.cloud.apis();
        };
    f.cloud.qps(f.clock.instant(), 100);
    URI base = start();
    CompletableFuture<HttpResponse<String>> inFlight =
        http.sendAsync(
            HttpRequest.newBuilder(base.resolve("/"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> stopping =
        CompletableFuture.runAsync(() -> runtime.stop(Duration.ofSeconds(10)));
    release.countDown();

    assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    stopping.get(15, TimeUnit.SECONDS);
  }

  @Test
  void stopWhenIdleDoesNotWaitOutTheGracePeriod() throws Exception {
    URI base = start();
    assertThat(post(base, "{\"type\":\"status\"}").statusCode()).isEqualTo(200);

    // JDK 17's HttpServer.stop(900) alone would block for the whole 900 s.
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> runtime.stop(Duration.ofSeconds(900)));
  }
}
