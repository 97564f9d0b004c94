package io.albqps.function;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.joran.spi.ConsoleTarget;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Switches logging at start-up, once the settings are known: JSON lines on stdout for the FaaS log
 * service, or text on stderr for a terminal, at the configured level.
 */
public final class LogSetup {
  private LogSetup() {}

  /** Sets the root level only (e.g. quiet the handler's per-invocation lines in the demo). */
  public static void level(String level) {
    root().setLevel(Level.toLevel(level.toUpperCase(Locale.ROOT), Level.INFO));
  }

  /** JSON lines on stdout at {@code level}: the format for {@code serve} under veFaaS. */
  public static void jsonToStdout(String level) {
    Logger root = root();
    LoggerContext context = root.getLoggerContext();
    JsonLineLayout layout = new JsonLineLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("JSON");
    appender.setTarget(ConsoleTarget.SystemOut.getName());
    appender.setEncoder(encoder);
    appender.start();
    root.detachAndStopAllAppenders();
    root.addAppender(appender);
    level(level);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
