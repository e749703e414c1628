package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request tagging, over HTTP: an app started to record reach notes, at each fault's site, the tag of every request that
 * asked there, and only there (a site asked on one branch only is reached by the requests that take that branch).
 * The regression proof chooses each fault's scenarios from this.
 */
class RequestTaggingIT {
  private static AppUnderTest app;

  @BeforeAll
  static void start() {
    app = AppUnderTest.startRecordingReach();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static ProviderScreens tagged(String tag) {
    Visitor visitor = app.visitor().withHeader(LinkingApp.REQUEST_TAG_HEADER, tag);
    visitor.signIn("Ada");
    return new ProviderScreens(app, visitor);
  }

  @Test
  void aBusinessLinkReachesTheConfirmationAndTheTokenCheckButNotThePersonalAccountBranch() {
    tagged("features/x.feature:3").linkInstagram(app.stubs.instagramPersonas().issueCopy("brightside.bakery"));

    var reached = app.app.reachedFaultSites();
    assertThat(reached.get(Fault.CONFIRMATION_SHOWS_WRONG_ACCOUNT)).contains("features/x.feature:3");
    assertThat(reached.get(Fault.REVOKED_TOKEN_SHOWN_AS_LINKED)).contains("features/x.feature:3");
    assertThat(reached.getOrDefault(Fault.PERSONAL_TREATED_AS_BUSINESS, Set.of())).doesNotContain("features/x.feature:3");
    assertThat(reached.getOrDefault(Fault.STATE_CHECK_SKIPPED, Set.of())).doesNotContain("features/x.feature:3");
  }

  @Test
  void aPersonalAccountTakesTheBranchWhereItsFaultsAreAsked() {
    tagged("features/x.feature:7").linkInstagram(app.stubs.instagramPersonas().issueCopy("jo.personal"));

    var reached = app.app.reachedFaultSites();
    assertThat(reached.get(Fault.PERSONAL_TREATED_AS_BUSINESS)).contains("features/x.feature:7");
    assertThat(reached.get(Fault.STALE_TYPE_NOT_EXPLAINED)).contains("features/x.feature:7");
    assertThat(reached.getOrDefault(Fault.CONFIRMATION_SHOWS_WRONG_ACCOUNT, Set.of())).doesNotContain("features/x.feature:7");
  }

  @Test
  void aRequestWithoutATagIsNotedAsUntagged() {
    Visitor untagged = app.visitor();
    untagged.signIn("Ada");
    new ProviderScreens(app, untagged).linkInstagram(app.stubs.instagramPersonas().issueCopy("mila.creates"));

    assertThat(app.app.reachedFaultSites().get(Fault.CONFIRMATION_SHOWS_WRONG_ACCOUNT)).contains(LinkingApp.UNTAGGED);
  }

  @Test
  void aTagNamesOnlyItsOwnRequestsNotTheNextOnesOnTheSameServerThreads() {
    Visitor quiet = app.visitor().withHeader(LinkingApp.REQUEST_TAG_HEADER, "features/x.feature:11");
    for (int i = 0; i < 5; i++) {
      quiet.signIn("Bo"); // reaches no fault's site
    }
    Visitor untagged = app.visitor();
    untagged.signIn("Cy");
    new ProviderScreens(app, untagged).linkInstagram(app.stubs.instagramPersonas().issueCopy("mila.creates"));

    assertThat(app.app.reachedFaultSites().values()).as("a tag left behind on a pooled thread")
        .allSatisfy(tags -> assertThat(tags).doesNotContain("features/x.feature:11"));
  }

  @Test
  void anAppStartedNormallyRecordsNothingAndSaysSo() {
    try (AppUnderTest plain = AppUnderTest.start()) {
      assertThatThrownBy(() -> plain.app.reachedFaultSites()).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("startRecordingReach");
    }
  }
}
