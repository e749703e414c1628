package com.linkwright.steps;

import com.linkwright.harness.BrowserSession;
import com.linkwright.harness.console.RecentLogLines;
import com.linkwright.harness.console.RunLog;
import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import java.nio.charset.StandardCharsets;

/** A failed scenario's report carries what the app and the stubs logged while it ran (the log itself is a file). */
public class FailureLog {
  private final BrowserSession session;

  public FailureLog(BrowserSession session) {
    this.session = session;
  }

  @After
  public void attachTheLogOfAFailure(Scenario scenario) {
    if (!scenario.isFailed() || session.startedAt() == null) {
      return;
    }
    boolean neighbours = session.harness() != null && session.harness().config.workers > 1;
    String file = RunLog.file().map(f -> " (from " + f + ")").orElse("");
    RecentLogLines.since(session.startedAt()).ifPresent(lines -> scenario.attach(lines.getBytes(StandardCharsets.UTF_8),
        "text/plain", "App and stubs log while it ran" + file
            + (neighbours ? "; workers > 1: lines of the scenarios running alongside appear too" : "")));
  }
}
