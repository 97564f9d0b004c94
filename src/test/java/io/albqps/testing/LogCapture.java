package io.albqps.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Keeps what a logger and its children log while a test runs, optionally with some loggers turned
 * up, and puts every logger back as it was afterwards. Register it as a field with
 * {@code @RegisterExtension}, or open it around one block with try-with-resources.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
  private final Logger capturing;
  private final Map<Logger, Level> raised = new LinkedHashMap<>();
  private final Map<Logger, Level> levelsBefore = new LinkedHashMap<>();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(String loggerName) {
    this.capturing = (Logger) LoggerFactory.getLogger(loggerName);
  }

  /** What {@code type}'s logger logs. */
  public static LogCapture of(Class<?> type) {
    return new LogCapture(type.getName());
  }

  /** Everything logged, by any library. */
  public static LogCapture root() {
    return new LogCapture(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  /** Also sets logger {@code name} to {@code level} while capturing. */
  public LogCapture withLevel(String name, Level level) {
    raised.put((Logger) LoggerFactory.getLogger(name), level);
    return this;
  }

  /** Starts capturing; {@link #close} stops. */
  public LogCapture start() {
    appender.list.clear();
    appender.start();
    capturing.addAppender(appender);
    levelsBefore.clear();
    raised.forEach(
        (logger, level) -> {
          levelsBefore.put(logger, logger.getLevel());
          logger.setLevel(level);
        });
    return this;
  }

  /** The events so far, oldest first. */
  public List<ILoggingEvent> events() {
    return List.copyOf(appender.list);
  }

  /** The formatted messages of the events at {@code level}. */
  public List<String> messages(Level level) {
    return appender.list.stream()
        .filter(e -> e.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Override
  public void close() {
    capturing.detachAppender(appender);
    appender.stop();
    levelsBefore.forEach(Logger::setLevel);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }
}
