package com.linkwright.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Order;

/**
 * The harness's layers, enforced: page objects only see and act on screens; steps read like the Gherkin and reach
 * the app under test only through what a user sees (the harness wiring alone starts it); flows, the shortcuts over
 * HTTP and the control of the stubs, may use the stubs' public API but never the app's code. The dashboard's pages
 * and flows stay apart from Meta's, so that a team can swap the dashboard's for its own.
 */
// one of the slow classes: started first (surefire runs two at a time)
@Order(1)
class HarnessLayersTest {
  private static final String APP = "com.linkwright.app..";
  private static final String STUBS = "com.linkwright.stubs..";

  static final ArchRule pagesOnlySeeScreens = noClasses().that().resideInAPackage("com.linkwright.pages..")
      .should().dependOnClassesThat().resideInAnyPackage(APP, STUBS, "com.linkwright.flows..", "com.linkwright.steps..",
          "com.linkwright.harness..")
      .because("a page object sees and acts on one screen through Playwright; preconditions over HTTP are flows");

  static final ArchRule stepsDoNotUseTheAppsCode = noClasses().that().resideInAPackage("com.linkwright.steps..")
      .should().dependOnClassesThat().resideInAPackage(APP)
      .because("an expected value comes from the Gherkin or the fixtures, never from the code under test");

  static final ArchRule flowsDoNotUseTheAppsCodeNorTheSteps = noClasses().that().resideInAPackage("com.linkwright.flows..")
      .should().dependOnClassesThat().resideInAnyPackage(APP, "com.linkwright.steps..")
      .because("flows drive the app over HTTP as a browser would, and the stubs through their public API");

  static final ArchRule onlyTheWiringStartsTheApp = noClasses().that()
      .resideInAnyPackage("com.linkwright.suite..", "com.linkwright.deliberate..")
      .should().dependOnClassesThat().resideInAPackage(APP)
      .because("the harness wiring (com.linkwright.harness) alone starts the app under test");

  static final ArchRule metasScreensDoNotKnowTheDashboard = noClasses().that()
      .resideInAnyPackage("com.linkwright.pages.meta..", "com.linkwright.flows.meta..")
      .should().dependOnClassesThat().resideInAnyPackage("com.linkwright.pages.dashboard..", "com.linkwright.flows.dashboard..")
      .because("Meta's side stays when a team points the features at its own dashboard");

  static final ArchRule theDashboardsPagesDoNotKnowMetas = noClasses().that().resideInAPackage("com.linkwright.pages.dashboard..")
      .should().dependOnClassesThat().resideInAPackage("com.linkwright.pages.meta..")
      .because("the dashboard's pages are what a team swaps for its own; they must not lean on Meta's screens");

  @Test
  void pagesOnlySeeScreens() {
    pagesOnlySeeScreens.check(CodeBase.tests());
  }

  @Test
  void stepsDoNotUseTheAppsCode() {
    stepsDoNotUseTheAppsCode.check(CodeBase.tests());
  }

  @Test
  void flowsDoNotUseTheAppsCodeNorTheSteps() {
    flowsDoNotUseTheAppsCodeNorTheSteps.check(CodeBase.tests());
  }

  @Test
  void onlyTheWiringStartsTheApp() {
    onlyTheWiringStartsTheApp.check(CodeBase.tests());
  }

  @Test
  void metasScreensDoNotKnowTheDashboard() {
    metasScreensDoNotKnowTheDashboard.check(CodeBase.tests());
  }

  @Test
  void theDashboardsPagesDoNotKnowMetas() {
    theDashboardsPagesDoNotKnowMetas.check(CodeBase.tests());
  }
}
