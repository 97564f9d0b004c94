package io.albqps.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.albqps.engine.Action;
import io.albqps.engine.ScalerState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The response JSON, compared with {@code src/test/resources/golden/response-*.json} (execution
 * time normalised to 0). Run with {@code -Dgolden.update=true} to rewrite the files after a
 * deliberate change, then review the diff.
 */
class ResponseGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private final Fixture f = new Fixture();
  private final ResponseJson json = new ResponseJson(ResponseJson.mapper());

  @AfterEach
  void close() {
    f.close();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        golden(
            "scale-up",
            fx -> fx.cloud.qps(fx.clock.instant(), 110, 120, 130, 120, 122.5),
            invoke(Event.evaluation(false))),
        golden(
            "scale-down",
            fx -> {
              fx.cloud.group = FakeCloud.group(1, 10, 6, 6);
              fx.cloud.qps(fx.clock.instant(), 90, 100, 110, 100, 100);
            },
            invoke(Event.evaluation(false))),
        golden(
            "hold-cooldown",
            fx -> {
              fx.cloud.qps(fx.clock.instant(), 200, 200, 200, 200, 200);
              fx.store.writeByOtherCopy(
                  d ->
                      ScalingHandlerTest.withScaler(
                          d,
                          ScalerState.INITIAL.afterAction(
                              Action.SCALE_UP, fx.clock.instant().minusSeconds(60))));
            },
            invoke(Event.evaluation(false))),
        golden("hold-no-metrics", fx -> {}, invoke(Event.evaluation(false))),
        golden(
            "dry-run-scale-up",
            fx -> fx.cloud.qps(fx.clock.instant(), 240),
            invoke(Event.evaluation(true))),
        golden(
            "error-modify-throttled",
            fx ->
                fx.cloud
                    .qps(fx.clock.instant(), 240)
                    .failing("ModifyScalingGroup", 429, "FlowLimitExceeded"),
            invoke(Event.evaluation(false))),
        golden(
            "error-metrics-unavailable",
            fx -> fx.cloud.failing(CloudReads.GET_METRIC_DATA, 503, "ServiceUnavailableTemp"),
            invoke(Event.evaluation(false))),
        golden(
            "bad-request",
            fx -> {},
            fx ->
                fx.handler()
                    .badRequest(
                        "unknown event type 'scale_now': expected one of " + Event.Type.allowed(),
                        fx.context("req-12345"))),
        golden(
            "status", fx -> fx.cloud.qps(fx.clock.instant(), 80, 90, 100), invoke(Event.status())),
        golden(
            "validation", fx -> fx.cloud.qps(fx.clock.instant(), 80), invoke(Event.validation())));
  }

  private static Function<Fixture, Response> invoke(Event event) {
    return fx -> fx.invoke(event);
  }

  private static Arguments golden(
      String name, Consumer<Fixture> setup, Function<Fixture, Response> call) {
    return Arguments.of(name, setup, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGoldenFile(String name, Consumer<Fixture> setup, Function<Fixture, Response> call)
      throws IOException {
    setup.accept(f);
    String actual = json.writePretty(call.apply(f).withExecutionTime(0)) + "\n";
    Path file = GOLDEN.resolve("response-" + name + ".json");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file).as("golden file %s (run with -Dgolden.update=true to create)", file).exists();
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
