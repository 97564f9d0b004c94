package io.albqps.function;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

/** The in-code Logback defaults that replace logback.xml on the start path. */
class LogDefaultsTest {
  @Test
  void installsTextLinesOnStderrWithOkHttpAtWarn() {
    LoggerContext context = new LoggerContext();

    LogDefaults.install(context);

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    assertThat(context.getLogger("okhttp3").getLevel()).isEqualTo(Level.WARN);
    ConsoleAppender<ILoggingEvent> appender =
        (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
    assertThat(appender.getTarget()).isEqualTo("System.err");
    assertThat(((PatternLayoutEncoder) appender.getEncoder()).getPattern())
        .isEqualTo(LogDefaults.PATTERN);
  }

  @Test
  void defersToALogbackTestXmlOnTheClassPath() {
    LogDefaults defaults = new LogDefaults();
    LoggerContext context = new LoggerContext();
    defaults.setContext(context);

    assertThat(defaults.configure(context))
        .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext())
        .isFalse();
  }
}
