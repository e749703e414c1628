package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.TimeoutError;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * src/test/resources/allure/categories.json, matched the way Allure 2 matches it (every category whose status, message
 * and trace patterns all match the whole text), on failures shaped like real ones, near misses included. Each failure
 * must land in exactly one category. WhatReadersSeeIT proves the same on a real run with Allure itself.
 */
class CategoriesTest {
  private static JsonNode categories;

  @BeforeAll
  static void read() throws IOException {
    try (InputStream in = CategoriesTest.class.getResourceAsStream("/allure/categories.json")) {
      categories = new ObjectMapper().readTree(in);
    }
  }

  private static Set<String> categoriesOf(String status, Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    Set<String> found = new LinkedHashSet<>();
    for (JsonNode c : categories) {
      boolean statusMatches = c.path("matchedStatuses").isEmpty()
          || c.path("matchedStatuses").toString().contains("\"" + status + "\"");
      boolean messageMatches = !c.has("messageRegex")
          || Pattern.compile(c.path("messageRegex").asText(), Pattern.DOTALL).matcher(error.getMessage()).matches();
      boolean traceMatches = !c.has("traceRegex")
          || Pattern.compile(c.path("traceRegex").asText(), Pattern.DOTALL).matcher(trace.toString()).matches();
      if (statusMatches && messageMatches && traceMatches && !c.path("flaky").asBoolean(false)) {
        found.add(c.path("name").asText());
      }
    }
    return found;
  }

  /** An exception as thrown from these frames, innermost first (class.method). */
  private static <T extends Throwable> T thrownFrom(T error, String... frames) {
    StackTraceElement[] stack = new StackTraceElement[frames.length];
    for (int i = 0; i < frames.length; i++) {
      int dot = frames[i].lastIndexOf('.');
      stack[i] = new StackTraceElement(frames[i].substring(0, dot), frames[i].substring(dot + 1), "X.java", 10 + i);
    }
    error.setStackTrace(stack);
    return error;
  }

  private static TimeoutError timeout() {
    return new TimeoutError("Error {\n  message='Timeout 1500ms exceeded.\n=========================== logs ===========================\n"
        + "  - waiting for getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(\"Instagram\"))\n}");
  }

  @Test
  void aWaitThatTimedOutOnADashboardScreenIsAProductRegression() {
    TimeoutError e = thrownFrom(timeout(), "com.microsoft.playwright.impl.WaitableResult.get",
        "com.microsoft.playwright.impl.LocatorImpl.click", "com.linkwright.pages.dashboard.SocialAccountsPage.clickInstagramIcon",
        "com.linkwright.steps.SocialAccountsSteps.clickInstagramIcon");
    assertThat(categoriesOf("broken", e)).containsExactly("Product regressions");
    for (String page : new String[] {"SettingsPage", "SignInPage", "PostToInstagramPage", "InstagramAccountChoicePage"}) {
      assertThat(categoriesOf("broken", thrownFrom(timeout(), "com.microsoft.playwright.impl.LocatorImpl.click",
          "com.linkwright.pages.dashboard." + page + ".something", "com.linkwright.steps.X.y"))).as(page).containsExactly("Product regressions");
    }
  }

  @Test
  void aFailedExpectationAboutAScreenIsAProductRegression() {
    AssertionError e = thrownFrom(new AssertionError("Locator expected to contain text\nExpected: Business account"),
        "com.microsoft.playwright.impl.AssertionsBase.expectImpl", "com.linkwright.pages.dashboard.SocialAccountsPage.expectLinked");
    assertThat(categoriesOf("failed", e)).containsExactly("Product regressions");
  }

  @Test
  void anExceptionInHarnessCodeIsAHarnessDefect() {
    assertThat(categoriesOf("broken", thrownFrom(new NullPointerException("Cannot invoke \"String.trim()\""),
        "com.linkwright.deliberate.BrokenOnPurposeSteps.personaCopyFor"))).containsExactly("Harness or stub defects");
    assertThat(categoriesOf("broken", thrownFrom(new IllegalStateException("No Facebook pop-up is open"),
        "com.linkwright.steps.FacebookPopup.window"))).containsExactly("Harness or stub defects");
  }

  @Test
  void nearMissesOfADashboardTimeoutAreHarnessDefects() {
    // a timeout on one of the providers' screens (the stubs' pages)
    assertThat(categoriesOf("broken", thrownFrom(timeout(), "com.microsoft.playwright.impl.LocatorImpl.click",
        "com.linkwright.pages.meta.InstagramLoginPage.clickLogIn", "com.linkwright.steps.InstagramSteps.logIn")))
        .containsExactly("Harness or stub defects");
    // a timeout in a step itself, though a dashboard page object ran earlier in the same call
    assertThat(categoriesOf("broken", thrownFrom(timeout(), "com.microsoft.playwright.impl.PageImpl.waitForPopup",
        "com.linkwright.steps.SocialAccountsSteps.clickInstagramIcon", "com.linkwright.pages.dashboard.SocialAccountsPage.openUnlessShown")))
        .containsExactly("Harness or stub defects");
    // another exception that happens to pass through a dashboard page object
    assertThat(categoriesOf("broken", thrownFrom(new IllegalStateException("Signing in to the dashboard answered 500"),
        "com.linkwright.pages.dashboard.SignInPage.signInAs"))).containsExactly("Harness or stub defects");
    // the dashboard's shortcuts over HTTP are no screen, and a package that only begins like pages.dashboard is not it
    assertThat(categoriesOf("broken", thrownFrom(timeout(), "com.microsoft.playwright.impl.APIRequestContextImpl.post",
        "com.linkwright.flows.dashboard.DashboardShortcuts.signIn"))).containsExactly("Harness or stub defects");
    assertThat(categoriesOf("broken", thrownFrom(timeout(), "com.microsoft.playwright.impl.LocatorImpl.click",
        "com.linkwright.pages.dashboardOfFacebook.SettingsPage.x"))).containsExactly("Harness or stub defects");
  }

  @Test
  void theEnvironmentIsNeitherTheProductNorTheHarness() {
    assertThat(categoriesOf("broken", thrownFrom(new IllegalStateException("No Chromium found. Install one: apt-get install chromium"),
        "com.linkwright.harness.Harness.current"))).containsExactly("Environment problems (no browser, port in use, bad settings)");
    assertThat(categoriesOf("failed", thrownFrom(new AssertionError("Bad value 'yes' for use.headless"),
        "com.linkwright.harness.HarnessConfig.load"))).containsExactly("Environment problems (no browser, port in use, bad settings)");
  }

  /** The categories tell the dashboard's screens from the providers' by package: pages.dashboard holds the dashboard's. */
  @Test
  void theDashboardScreensInTheCategoriesAreThePageObjectsOfTheDashboard() throws IOException {
    try (Stream<Path> pages = Files.list(Path.of("src/test/java/com/linkwright/pages/dashboard"))) {
      assertThat(pages.map(p -> p.getFileName().toString())).contains("SocialAccountsPage.java", "SettingsPage.java");
    }
    long lists = 0;
    for (JsonNode c : categories) {
      if (c.path("traceRegex").asText().contains("at com\\.linkwright\\.pages\\.dashboard\\.")) {
        lists++;
      }
    }
    assertThat(lists).as("categories naming pages.dashboard (the regression's and its negation in the harness defects')").isEqualTo(2);
  }
}
