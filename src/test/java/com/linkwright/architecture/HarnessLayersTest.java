package com.linkwright.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The harness's layers, enforced: page objects only see and act on screens; steps read like the Gherkin and reach
 * the app under test only through what a user sees (the harness wiring alone starts it); flows, the shortcuts over
 * HTTP and the control of the stubs, may use the stubs' public API but never the app's code. The dashboard's pages
 * and flows stay apart from Meta's, so that a team can swap the dashboard's for its own.
 */
@AnalyzeClasses(packages = "com.linkwright", importOptions = ImportOption.OnlyIncludeTests.class)
class HarnessLayersTest {
  private static final String APP = "com.linkwright.app..";
  private static final String STUBS = "com.linkwright.stubs..";

  @ArchTest
  static final ArchRule pagesOnlySeeScreens = noClasses().that().resideInAPackage("com.linkwright.pages..")
      .should().dependOnClassesThat().resideInAnyPackage(APP, STUBS, "com.linkwright.flows..", "com.linkwright.steps..",
          "com.linkwright.harness..")
      .because("a page object sees and acts on one screen through Playwright; preconditions over HTTP are flows");

  @ArchTest
  static final ArchRule stepsDoNotUseTheAppsCode = noClasses().that().resideInAPackage("com.linkwright.steps..")
      .should().dependOnClassesThat().resideInAPackage(APP)
      .because("an expected value comes from the Gherkin or the fixtures, never from the code under test");

  @ArchTest
  static final ArchRule flowsDoNotUseTheAppsCodeNorTheSteps = noClasses().that().resideInAPackage("com.linkwright.flows..")
      .should().dependOnClassesThat().resideInAnyPackage(APP, "com.linkwright.steps..")
      .because("flows drive the app over HTTP as a browser would, and the stubs through their public API");

  @ArchTest
  static final ArchRule onlyTheWiringStartsTheApp = noClasses().that()
      .resideInAnyPackage("com.linkwright.suite..", "com.linkwright.deliberate..")
      .should().dependOnClassesThat().resideInAPackage(APP)
      .because("the harness wiring (com.linkwright.harness) alone starts the app under test");

  @ArchTest
  static final ArchRule metasScreensDoNotKnowTheDashboard = noClasses().that()
      .resideInAnyPackage("com.linkwright.pages.meta..", "com.linkwright.flows.meta..")
      .should().dependOnClassesThat().resideInAnyPackage("com.linkwright.pages.dashboard..", "com.linkwright.flows.dashboard..")
      .because("Meta's side stays when a team points the features at its own dashboard");

  @ArchTest
  static final ArchRule theDashboardsPagesDoNotKnowMetas = noClasses().that().resideInAPackage("com.linkwright.pages.dashboard..")
      .should().dependOnClassesThat().resideInAPackage("com.linkwright.pages.meta..")
      .because("the dashboard's pages are what a team swaps for its own; they must not lean on Meta's screens");
}
