package io.albqps.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.albqps.cloud.AutoScalingApi;
import io.albqps.cloud.BytePlusClient;
import io.albqps.cloud.CloudMonitorApi;
import io.albqps.cloud.Credentials;
import io.albqps.config.ConfigException;
import io.albqps.config.Settings;
import io.albqps.engine.ScalingEngine;
import io.albqps.function.CloudApis;
import io.albqps.function.CloudConnector;
import io.albqps.function.Event;
import io.albqps.function.EventParser;
import io.albqps.function.HandlerConfig;
import io.albqps.function.InvalidEventException;
import io.albqps.function.InvocationContext;
import io.albqps.function.Response;
import io.albqps.function.ResponseJson;
import io.albqps.function.ScalingHandler;
import io.albqps.state.FileStateStore;
import io.albqps.time.VirtualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Issue 9 §4: random environments, random event bodies and headers, and random CloudMonitor and
 * AutoScaling reply bodies (valid JSON of wrong shapes, huge numbers, NaN, negative counts, missing
 * fields) served from loopback to the real handler: never an unhandled exception, never a modify
 * call on invalid input, always a response with a clear message.
 */
class FuzzProperties {
  private static final Instant NOW = Instant.parse("2025-03-03T08:00:00Z");
  private static final AtomicReference<String> REPLY = new AtomicReference<>("{}");
  private static final AtomicInteger MODIFY_CALLS = new AtomicInteger();
  private static HttpServer server;
  private static ScalingHandler handler;
  private static VirtualClock clock;

  @BeforeContainer
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String query = String.valueOf(exchange.getRequestURI().getRawQuery());
          if (query.contains("Action=ModifyScalingGroup")) {
            MODIFY_CALLS.incrementAndGet();
          }
          byte[] body = REPLY.get().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    clock = new VirtualClock(NOW);
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    BytePlusClient client =
        BytePlusClient.builder(Credentials.of("AKLTfuzz", Rig.SECRET), "ap-southeast-1")
            .clock(clock)
            .sleeper(clock.sleeper())
            .timeout(Duration.ofSeconds(2))
            .maxRetries(0)
            .build();
    CloudApis apis =
        new CloudApis(
            CloudMonitorApi.forLoadBalancer(
                client, CloudMonitorApi.endpoint(uri, CloudMonitorApi.DEFAULT_SERVICE), "alb-fuzz"),
            AutoScalingApi.create(client, AutoScalingApi.endpoint(uri)));
    HandlerConfig config =
        HandlerConfig.of("scg-fuzz", "alb-fuzz", Rig.policy())
            .withMetricPeriod(Duration.ofMinutes(5));
    handler =
        new ScalingHandler(
            config,
            ScalingEngine.ours(config.policy()),
            CloudConnector.fixed(apis),
            new FileStateStore(Files.createTempDirectory("fuzz").resolve("scaling_state.json")),
            alert -> {},
            clock,
            clock.sleeper());
  }

  @AfterContainer
  static void stop() {
    handler.close();
    server.stop(0);
  }

  @Property(tries = 200)
  void anyReplyBodyGivesAResponseWithAMessageAndNoModifyUnlessItActed(
      @ForAll("replies") String reply) {
    REPLY.set(reply);
    int modifiesBefore = MODIFY_CALLS.get();
    clock.advance(Duration.ofSeconds(60));

    Response response =
        handler.handleRequest(
            Event.evaluation(false),
            InvocationContext.of("fuzz", "alb-qps-autoscaler", Duration.ofSeconds(60), clock));

    assertThat(response.statusCode()).isIn(200, 500);
    assertThat(response.result().message()).isNotBlank();
    if (response.statusCode() == 500) {
      assertThat(response.result().message())
          .containsAnyOf(
              "GetMetricData",
              "DescribeScalingGroups",
              "DescribeScalingActivities",
              "DescribeScalingInstances",
              "ModifyScalingGroup");
    }
    boolean acted = !response.result().action().equals("none") && response.statusCode() == 200;
    assertThat(MODIFY_CALLS.get() - modifiesBefore).isLessThanOrEqualTo(acted ? 1 : 0);
    assertThat(new ResponseJson(ResponseJson.mapper()).write(response)).doesNotContain(Rig.SECRET);
  }

  @Property(tries = 1000)
  void anyEventBodyAndHeadersParseOrAreRejectedWithTheAllowedTypes(
      @ForAll("headers") Map<String, String> headers, @ForAll("eventBodies") String body) {
    EventParser parser = new EventParser(ResponseJson.mapper());
    try {
      assertThat(parser.parse(headers, body.getBytes(StandardCharsets.UTF_8))).isNotNull();
    } catch (InvalidEventException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 1000)
  void anyEnvironmentParsesOrNamesTheBadVariable(@ForAll("environments") Map<String, String> env) {
    try {
      assertThat(Settings.parse(env)).isNotNull();
    } catch (ConfigException e) {
      assertThat(e.getMessage()).isNotBlank();
      boolean secretOnlyAsTheSecret =
          env.entrySet().stream()
              .noneMatch(
                  v ->
                      !v.getKey().equals("SECRET_ACCESS_KEY") && v.getValue().contains(Rig.SECRET));
      if (secretOnlyAsTheSecret) {
        assertThat(e.getMessage()).doesNotContain(Rig.SECRET);
      }
    }
  }

  @Provide
  Arbitrary<Map<String, String>> environments() {
    Arbitrary<String> names =
        Arbitraries.of(
            "AUTOSCALING_GROUP_ID",
            "ALB_ID",
            "ACCESS_KEY_ID",
            "SECRET_ACCESS_KEY",
            "TARGET_QPS_PER_INSTANCE",
            "SCALE_UP_THRESHOLD",
            "SCALE_DOWN_THRESHOLD",
            "METRIC_PERIOD",
            "SCALE_UP_COOLDOWN",
            "SCALING_PRESET",
            "QPS_STATISTIC",
            "AUTOSCALING_ENDPOINT",
            "ALERT_WEBHOOK_URL",
            "INITIAL_DELAY_SECONDS",
            "HTTP_TIMEOUT_MS",
            "API_MAX_RETRIES",
            "TOS_STATE_FILE",
            "SCALE_UP_TRESHOLD",
            "PANIC_THRESHOLD",
            "METRIC_STALE_SECONDS",
            "LOG_LEVEL",
            "DRY_RUN_MODE");
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.of(
                "scg-abc",
                "alb-abc",
                Rig.SECRET,
                "NaN",
                "-1",
                "0",
                "1e309",
                "0.7",
                "true",
                "http://example.com",
                "https://x.example.com",
                "../etc",
                "",
                " ",
                "production"),
            Arbitraries.strings().ofMaxLength(12),
            Arbitraries.doubles().map(String::valueOf));
    return Arbitraries.maps(names, values).ofMaxSize(12);
  }

  @Provide
  Arbitrary<Map<String, String>> headers() {
    return Arbitraries.maps(
            Arbitraries.of("ce-type", "content-type", "ce-specversion", "x-faas-request-id", "x"),
            Arbitraries.oneOf(
                Arbitraries.of(
                    "bytefaas.timer.event", "application/cloudevents+json", "application/json"),
                Arbitraries.strings().ofMaxLength(20)))
        .ofMaxSize(4);
  }

  @Provide
  Arbitrary<String> eventBodies() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        json(3).map(FuzzProperties::render),
        Arbitraries.of("scaling_evaluation", "status", "validation", "faas.timer.event", "x", "")
            .map(t -> "{\"type\":\"" + t + "\",\"dry_run\":" + (t.length() % 2 == 0) + "}"));
  }

  @Provide
  Arbitrary<String> replies() {
    return Arbitraries.oneOf(
        json(4)
            .map(
                result ->
                    "{\"ResponseMetadata\":{\"RequestId\":\"r\"},\"Result\":"
                        + render(result)
                        + "}"),
        json(4).map(FuzzProperties::render),
        Arbitraries.strings().ofMaxLength(30));
  }

  private static final List<String> KEYS =
      List.of(
          "Data",
          "MetricDataResults",
          "DataPoints",
          "Timestamp",
          "Value",
          "Period",
          "Dimensions",
          "ScalingGroups",
          "ScalingGroupId",
          "LifecycleState",
          "MinInstanceNumber",
          "MaxInstanceNumber",
          "DesireInstanceNumber",
          "TotalInstanceCount",
          "ScalingActivities",
          "StatusCode",
          "ScalingInstances",
          "Status",
          "CreatedTime",
          "InstanceId",
          "TotalCount",
          "PageNumber",
          "Error");

  /** A JSON tree as nested maps, lists and raw literals (so NaN can be written as JSON sees it). */
  private static Arbitrary<Object> json(int depth) {
    Arbitrary<Object> leaf =
        Arbitraries.oneOf(
                Arbitraries.of(
                    "NaN",
                    "-1",
                    "0",
                    "1e308",
                    "-1e308",
                    "9223372036854775808",
                    "null",
                    "true",
                    "\"Active\"",
                    "\"InService\"",
                    "\"scg-fuzz\"",
                    "\"Running\"",
                    "1741000000",
                    "\"2025-03-03T08:00:00Z\"",
                    "\"\"",
                    "2.5",
                    "-0.0"),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.strings().alpha().ofMaxLength(8).map(s -> "\"" + s + "\""))
            .map(o -> (Object) new Raw(o));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Object> child = Arbitraries.lazy(() -> json(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, leaf),
        net.jqwik.api.Tuple.of(
            3, Arbitraries.maps(Arbitraries.of(KEYS), child).ofMaxSize(5).map(m -> (Object) m)),
        net.jqwik.api.Tuple.of(2, child.list().ofMaxSize(4).map(l -> (Object) l)));
  }

  /** A literal written as is. */
  private record Raw(String text) {}

  private static String render(Object node) {
    if (node instanceof Raw raw) {
      return raw.text();
    }
    if (node instanceof Map<?, ?> map) {
      List<String> fields = new ArrayList<>();
      map.forEach((k, v) -> fields.add("\"" + k + "\":" + render(v)));
      return "{" + String.join(",", fields) + "}";
    }
    List<String> items = new ArrayList<>();
    for (Object item : (List<?>) node) {
      items.add(render(item));
    }
    return "[" + String.join(",", items) + "]";
  }
}
