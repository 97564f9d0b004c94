package io.albqps.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventParserTest {
  private final EventParser parser = new EventParser(ResponseJson.mapper());

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("empty body -> evaluation", Map.of(), "", Event.evaluation(false)),
        Arguments.of("blank body -> evaluation", Map.of(), "  \n", Event.evaluation(false)),
        Arguments.of("object without type -> evaluation", Map.of(), "{}", Event.evaluation(false)),
        Arguments.of(
            "manual evaluation",
            Map.of(),
            "{\"type\":\"scaling_evaluation\"}",
            Event.evaluation(false)),
        Arguments.of(
            "manual dry run",
            Map.of(),
            "{\"type\":\"scaling_evaluation\",\"dry_run\":true}",
            Event.evaluation(true)),
        Arguments.of("status", Map.of(), "{\"type\":\"status\"}", Event.status()),
        Arguments.of("validation", Map.of(), "{\"type\":\"validation\"}", Event.validation()),
        Arguments.of(
            "structured timer CloudEvent",
            Map.of(),
            "{\"id\":\"9cab\",\"source\":\"/faas/event/timer/4o3f\",\"specversion\":\"1.0\","
                + "\"type\":\"faas.timer.event\",\"data\":\"{\\\"job\\\":\\\"x\\\"}\"}",
            Event.timer()),
        Arguments.of(
            "binary timer CloudEvent (bytefaas)",
            Map.of("ce-type", "bytefaas.timer.event"),
            "{\"body\":\"payload\"}",
            Event.timer()),
        Arguments.of(
            "binary timer CloudEvent, header in another case",
            Map.of("Ce-Type", "faas.timer.event"),
            "not json at all",
            Event.timer()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void parses(String name, Map<String, String> headers, String body, Event expected)
      throws InvalidEventException {
    assertThat(parser.parse(headers, body.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of(
            "unknown type",
            Map.of(),
            "{\"type\":\"scale_now\"}",
            "scaling_evaluation, status, validation, faas.timer.event, bytefaas.timer.event"),
        Arguments.of("malformed JSON", Map.of(), "{\"type\":", "not valid JSON"),
        Arguments.of("JSON array", Map.of(), "[1,2]", "must be a JSON object"),
        Arguments.of(
            "non-boolean dry_run",
            Map.of(),
            "{\"dry_run\":\"yes\"}",
            "dry_run must be true or false"),
        Arguments.of("non-string type", Map.of(), "{\"type\":3}", "type must be a string"),
        Arguments.of(
            "dry run on status",
            Map.of(),
            "{\"type\":\"status\",\"dry_run\":true}",
            "scaling_evaluation events only"),
        Arguments.of(
            "unknown CloudEvent type",
            Map.of("ce-type", "faas.kafka.event"),
            "",
            "unknown event type 'faas.kafka.event'"),
        Arguments.of(
            "non-timer CloudEvent type",
            Map.of("ce-type", "status"),
            "",
            "unsupported CloudEvent type"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void rejectsNamingWhatIsAllowed(
      String name, Map<String, String> headers, String body, String messagePart) {
    assertThatThrownBy(() -> parser.parse(headers, body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining(messagePart);
  }
}
