package com.linkwright.harness.console;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The last few thousand lines of the app's and the stubs' log, kept in memory (src/test/resources/logback-test.xml)
 * so that a failed scenario's report carries the lines of its own time window without reading the log file back.
 */
public final class RecentLogLines extends AppenderBase<ILoggingEvent> {
  private static final int KEPT = 5000;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
  private static volatile RecentLogLines installed;

  private record Line(long millis, String text) {}

  private final Deque<Line> lines = new ArrayDeque<>();

  @Override
  public void start() {
    super.start();
    installed = this;
  }

  @Override
  protected void append(ILoggingEvent event) {
    String text = TIME.format(Instant.ofEpochMilli(event.getTimeStamp())) + " [" + event.getThreadName() + "] "
        + event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage()
        + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()));
    synchronized (lines) {
      lines.addLast(new Line(event.getTimeStamp(), text));
      if (lines.size() > KEPT) {
        lines.removeFirst();
      }
    }
  }

  /** The lines logged since {@code since}, oldest first; empty when logback runs without this appender. */
  public static Optional<String> since(Instant since) {
    RecentLogLines recent = installed;
    if (recent == null) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    synchronized (recent.lines) {
      for (Line l : recent.lines) {
        if (l.millis() >= since.toEpochMilli()) {
          out.append(l.text()).append('\n');
        }
      }
    }
    return Optional.of(out.toString());
  }
}
