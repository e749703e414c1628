package com.linkwright.steps;

import com.linkwright.flows.dashboard.DashboardShortcuts;
import com.linkwright.harness.BrowserSession;
import com.linkwright.pages.dashboard.InstagramAccountChoicePage;
import com.linkwright.pages.dashboard.SocialAccountsPage;
import com.linkwright.stubs.FacebookPersona;
import com.linkwright.stubs.InstagramPersona;
import io.cucumber.java.en.Given;

/**
 * Who the scenario is (its Instagram and Facebook personas) and what it starts from (an account already linked, an
 * offer of accounts already made): preconditions through the dashboard's own requests (flows), each checked on screen.
 */
public class LinkedAccountSteps {
  private final BrowserSession session;
  private final ScenarioState state;

  public LinkedAccountSteps(BrowserSession session, ScenarioState state) {
    this.session = session;
    this.state = state;
  }

  @Given("my Instagram account is {instagramPersona}")
  public void myInstagramAccountIs(InstagramPersona persona) {
    state.instagram(persona);
  }

  @Given("my Facebook account is {facebookPersona}")
  public void myFacebookAccountIs(FacebookPersona persona) {
    state.facebook(persona);
  }

  /** The whole direct flow as a precondition: the scenario is about what comes after linking. */
  @Given("my Instagram account {instagramPersona} is linked")
  public void accountIsLinked(InstagramPersona persona) {
    state.instagram(persona);
    DashboardShortcuts.of(session).linkInstagram(persona.username(), persona.password());
    new SocialAccountsPage(session.page()).open().expectLinked(persona.username(), GuideWords.shownAs(persona.accountType()));
  }

  /** The whole Facebook flow as a precondition: the scenario is about what comes after linking. */
  @Given("my Instagram account {string} is linked through the Facebook Page of my Facebook account {facebookPersona}")
  public void linkedThroughFacebook(String username, FacebookPersona persona) {
    state.facebook(persona);
    FacebookPersona.Page page = persona.pages().stream()
        .filter(p -> p.instagram() != null && p.instagram().username().equals(username)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No Page of Facebook persona '" + persona.handle() + "' has @"
            + username + " connected (fixtures/personas/facebook.json)"));
    DashboardShortcuts shortcuts = DashboardShortcuts.of(session);
    shortcuts.saveInstagramLogin(false);
    state.instagramLogin(false);
    shortcuts.linkThroughFacebook(persona.email(), persona.password(), username);
    new SocialAccountsPage(session.page()).open()
        .expectLinkedVia(username, GuideWords.shownAs(page.instagram().accountType()), page.name());
    state.linkedThroughFacebook(page.instagram());
  }

  /** The Facebook flow up to the choice: the scenario is about what the choice accepts. */
  @Given("Facebook has offered me the Instagram accounts behind the Pages of my Facebook account {facebookPersona}")
  public void facebookHasOffered(FacebookPersona persona) {
    state.facebook(persona);
    DashboardShortcuts shortcuts = DashboardShortcuts.of(session);
    shortcuts.saveInstagramLogin(false);
    state.instagramLogin(false);
    shortcuts.offerThroughFacebook(persona.email(), persona.password());
    // where the pop-up sends the dashboard when it is done
    session.page().navigate("/social-accounts/instagram/choose");
    new InstagramAccountChoicePage(session.page()).expectShown();
  }
}
