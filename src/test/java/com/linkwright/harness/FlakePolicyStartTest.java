package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** When the flake policy's nested builds start early: once, after a run's first test, and only in a run that has FlakePolicyIT. */
class FlakePolicyStartTest {

  @Test
  void aRunWithFlakePolicyITStartsTheBuildsOnceWhenItsFirstTestHasFinished() {
    AtomicInteger starts = new AtomicInteger();
    FlakePolicyIT.StartsEarly listener = new FlakePolicyIT.StartsEarly(starts::incrementAndGet);
    TestPlan plan = planOf(PhasesTest.class, FlakePolicyIT.class);
    listener.testPlanExecutionStarted(plan);
    TestIdentifier container = plan.getRoots().iterator().next();
    listener.executionFinished(container, TestExecutionResult.successful());
    assertThat(starts).as("a container finishing is not a test").hasValue(0);
    for (TestIdentifier test : tests(plan)) {
      listener.executionFinished(test, TestExecutionResult.successful());
    }
    assertThat(starts).hasValue(1);
  }

  @Test
  void aRunWithoutFlakePolicyITStartsNothing() {
    AtomicInteger starts = new AtomicInteger();
    FlakePolicyIT.StartsEarly listener = new FlakePolicyIT.StartsEarly(starts::incrementAndGet);
    TestPlan plan = planOf(PhasesTest.class);
    listener.testPlanExecutionStarted(plan);
    for (TestIdentifier test : tests(plan)) {
      listener.executionFinished(test, TestExecutionResult.successful());
    }
    assertThat(tests(plan)).isNotEmpty();
    assertThat(starts).hasValue(0);
  }

  private static TestPlan planOf(Class<?>... classes) {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
        .configurationParameter("junit.platform.execution.listeners.deactivate", "*");
    for (Class<?> c : classes) {
      request.selectors(selectClass(c));
    }
    return LauncherFactory.create().discover(request.build());
  }

  private static java.util.List<TestIdentifier> tests(TestPlan plan) {
    return plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream()).filter(TestIdentifier::isTest).toList();
  }
}
