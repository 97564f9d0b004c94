package io.albqps.function;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The JSON log line {@code serve} writes for the veFaaS log service. */
class JsonLineLayoutTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final JsonLineLayout layout = new JsonLineLayout();

  private LoggingEvent event(String message, Throwable error) {
    LoggingEvent event =
        new LoggingEvent(
            "test",
            context.getLogger("io.albqps.function.ScalingHandler"),
            Level.WARN,
            message,
            error,
            null);
    event.setTimeStamp(1_795_000_000_123L);
    return event;
  }

  private static JsonNode parse(String line) throws Exception {
    return new ObjectMapper().readTree(line);
  }

  @Test
  void writesOneObjectWithTimestampLevelLoggerAndMessageOnOneLine() throws Exception {
    String line = layout.doLayout(event("scaled up to 4", null));

    assertThat(line).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
    JsonNode json = parse(line);
    assertThat(json.path("ts").asText()).isEqualTo("2026-11-18T11:06:40.123Z");
    assertThat(json.path("level").asText()).isEqualTo("WARN");
    assertThat(json.path("logger").asText()).isEqualTo("io.albqps.function.ScalingHandler");
    assertThat(json.path("msg").asText()).isEqualTo("scaled up to 4");
    assertThat(json.has("error")).isFalse();
  }

  @Test
  void escapesQuotesBackslashesNewlinesAndControlCharacters() throws Exception {
    String message = "a \"quoted\" C:\\path\nsecond line\ttab\u0001";

    String line = layout.doLayout(event(message, null));

    assertThat(line).hasLineCount(1);
    assertThat(parse(line).path("msg").asText()).isEqualTo(message);
  }

  @Test
  void addsTheMdcSuchAsTheRequestId() throws Exception {
    LoggingEvent event = event("evaluated", null);
    event.setMDCPropertyMap(Map.of("request_id", "req-42"));

    assertThat(parse(layout.doLayout(event)).path("request_id").asText()).isEqualTo("req-42");
  }

  @Test
  void addsTheStackTraceAsOneEscapedField() throws Exception {
    String line = layout.doLayout(event("failed", new IllegalStateException("boom")));

    assertThat(line).hasLineCount(1);
    assertThat(parse(line).path("error").asText())
        .startsWith("java.lang.IllegalStateException: boom")
        .contains("\tat io.albqps.function.JsonLineLayoutTest");
  }
}
