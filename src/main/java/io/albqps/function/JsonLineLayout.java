package io.albqps.function;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per log line ({@code ts}, {@code level}, {@code logger}, {@code msg}, the MDC
 * such as {@code request_id}, and the stack trace when there is one), for the veFaaS log service.
 * Written with Jackson's streaming generator, not an {@code ObjectMapper}: {@code serve} builds
 * this layout on its start path, and a mapper's set-up there cost the first decision ~50 ms.
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {
  private final JsonFactory json = new JsonFactory();

  @Override
  public String doLayout(ILoggingEvent event) {
    StringWriter line = new StringWriter(256);
    try (JsonGenerator out = json.createGenerator(line)) {
      out.writeStartObject();
      out.writeStringField("ts", Instant.ofEpochMilli(event.getTimeStamp()).toString());
      out.writeStringField("level", event.getLevel().toString());
      out.writeStringField("logger", event.getLoggerName());
      out.writeStringField("msg", event.getFormattedMessage());
      for (Map.Entry<String, String> mdc : event.getMDCPropertyMap().entrySet()) {
        out.writeStringField(mdc.getKey(), mdc.getValue());
      }
      IThrowableProxy error = event.getThrowableProxy();
      if (error != null) {
        out.writeStringField("error", ThrowableProxyUtil.asString(error));
      }
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return line.append('\n').toString();
  }
}
