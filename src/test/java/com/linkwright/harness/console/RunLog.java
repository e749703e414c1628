package com.linkwright.harness.console;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The app's and the stubs' log in a test JVM: a file under target/logs/ (src/test/resources/logback-test.xml), and on
 * the console only when playwright.config asks for it ({@code console.logs=true}).
 */
public final class RunLog {
  private static final String ECHO = "console-echo";

  private RunLog() {}

  /** The log file of this JVM, if logback writes one. */
  public static Optional<Path> file() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return Optional.empty();
    }
    Iterator<Appender<ILoggingEvent>> appenders = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
    while (appenders.hasNext()) {
      if (appenders.next() instanceof FileAppender<ILoggingEvent> file && file.getFile() != null) {
        return Optional.of(Path.of(file.getFile()));
      }
    }
    return Optional.empty();
  }

  /**
   * Sends what is logged through java.util.logging (JUnit's discovery warnings, for one) to the same file, rather
   * than to standard error between the console's lines.
   */
  static synchronized void takeOverJavaUtilLogging() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  /** Echoes the log on standard error too, as the app does when it runs alone, or stops echoing it. */
  static synchronized void echoToConsole(boolean echo) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Appender<ILoggingEvent> echoing = root.getAppender(ECHO);
    if (echo && echoing == null) {
      PatternLayoutEncoder encoder = new PatternLayoutEncoder();
      encoder.setContext(context);
      encoder.setPattern("[%thread] %-5level %logger - %msg%n");
      encoder.start();
      ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
      console.setContext(context);
      console.setName(ECHO);
      console.setTarget("System.err");
      console.setEncoder(encoder);
      console.start();
      root.addAppender(console);
    } else if (!echo && echoing != null) {
      root.detachAppender(echoing);
      echoing.stop();
    }
  }
}
