package com.linkwright.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What this JVM logs (the app's and the stubs' events, Javalin's and Jetty's too) from {@link #start} until
 * {@link #close}, each event rendered by the encoder the log is really written with (logback.xml's console appender).
 */
final class CapturedLog implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private CapturedLog() {}

  static CapturedLog start() {
    CapturedLog log = new CapturedLog();
    log.appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    log.appender.start();
    root().addAppender(log.appender);
    return log;
  }

  List<ILoggingEvent> events() {
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }

  /** Every event as written to the log: its line(s), the stack trace included when it carries one. */
  List<String> lines() {
    return linesOf("");
  }

  /** The events of loggers whose names begin with {@code loggerPrefix}, as written to the log. */
  List<String> linesOf(String loggerPrefix) {
    Encoder<ILoggingEvent> encoder = encoder();
    return events().stream().filter(e -> e.getLoggerName().startsWith(loggerPrefix))
        .map(e -> new String(encoder.encode(e), StandardCharsets.UTF_8)).toList();
  }

  @Override
  public void close() {
    root().detachAppender(appender);
  }

  private static Encoder<ILoggingEvent> encoder() {
    for (Iterator<Appender<ILoggingEvent>> it = root().iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof OutputStreamAppender<ILoggingEvent> out && out.getEncoder() != null) {
        return out.getEncoder();
      }
    }
    // no console appender in this JVM (a test's own logback configuration): the app's pattern, with stack traces
    PatternLayoutEncoder fallback = new PatternLayoutEncoder();
    fallback.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    fallback.setPattern("[%thread] %-5level %logger - %msg%n");
    fallback.start();
    return fallback;
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
