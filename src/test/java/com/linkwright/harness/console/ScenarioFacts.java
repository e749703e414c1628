package com.linkwright.harness.console;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.HookTestStep;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.SnippetsSuggestedEvent;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestStepFinished;

/**
 * Cucumber's half of the console (a plugin, in junit-platform.properties): it prints nothing, it notes for
 * {@link RunConsole} each scenario's name, the step that failed and the snippets of undefined steps. Events arrive on
 * the scenario's own thread, before JUnit hears that the scenario finished.
 */
public final class ScenarioFacts implements ConcurrentEventListener {
  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestCaseStarted.class, e ->
        ScenarioRecords.started(e.getTestCase().getUri(), e.getTestCase().getLocation().getLine(), e.getTestCase().getName()));
    publisher.registerHandlerFor(TestStepFinished.class, e -> {
      Status status = e.getResult().getStatus();
      if (status == Status.PASSED || status == Status.SKIPPED) {
        return;
      }
      var testCase = e.getTestCase();
      ScenarioRecords.of(testCase.getUri(), testCase.getLocation().getLine())
          .ifPresent(s -> s.failedAt(describe(e, status)));
    });
    publisher.registerHandlerFor(SnippetsSuggestedEvent.class, e -> e.getSuggestion().getSnippets()
        .forEach(snippet -> ScenarioRecords.snippet(e.getUri(), e.getTestCaseLocation().getLine(), snippet)));
  }

  private static String describe(TestStepFinished e, Status status) {
    String what = status == Status.FAILED ? "" : status.name().toLowerCase() + ": ";
    if (e.getTestStep() instanceof PickleStepTestStep step) {
      String uri = step.getUri().toString();
      String file = uri.substring(uri.lastIndexOf('/') + 1);
      return what + step.getStep().getKeyword() + step.getStep().getText() + " (" + file + ":" + step.getStep().getLine() + ")";
    }
    if (e.getTestStep() instanceof HookTestStep hook) {
      return what + hook.getHookType().name().toLowerCase().replace('_', ' ') + " hook " + hook.getCodeLocation();
    }
    return what + e.getTestStep().getCodeLocation();
  }
}
