package com.linkwright.steps;

import com.linkwright.harness.BrowserSession;
import com.linkwright.stubs.FacebookPersona;
import com.linkwright.stubs.InstagramPersona;

/** The scenario's people: the dashboard user it signed up, and its own copy of an Instagram persona. */
public class Accounts {
  private final BrowserSession session;
  private String dashboardUser;
  private InstagramPersona instagram;
  private FacebookPersona facebook;
  private FacebookPersona.InstagramAccount linkedThroughFacebook;
  private boolean instagramLogin = true;

  public Accounts(BrowserSession session) {
    this.session = session;
  }

  public String newDashboardUser() {
    dashboardUser = session.uniqueName("QA");
    return dashboardUser;
  }

  public void useInstagramPersona(String handle) {
    instagram = session.harness().instagramPersonas().issueCopy(handle);
  }

  /** Whether the dashboard user's "Instagram Login" setting is on (the direct flow) or off (the Facebook flow). */
  public boolean instagramLogin() {
    return instagramLogin;
  }

  public void instagramLogin(boolean on) {
    instagramLogin = on;
  }

  public void useFacebookPersona(String handle) {
    facebook = session.harness().facebookPersonas().issueCopy(handle);
  }

  public FacebookPersona facebook() {
    if (facebook == null) {
      throw new IllegalStateException("No Facebook account chosen yet: start the scenario with "
          + "'Given my Facebook account is \"<persona>\"' (personas: fixtures/personas/facebook.json)");
    }
    return facebook;
  }

  /** The Instagram account linked through a Page of the Facebook persona, or null when linked directly (or not at all). */
  public FacebookPersona.InstagramAccount linkedThroughFacebook() {
    return linkedThroughFacebook;
  }

  public void linkedThroughFacebook(FacebookPersona.InstagramAccount account) {
    linkedThroughFacebook = account;
  }

  /** The username of the Instagram account posts go to: linked through Facebook, or the Instagram persona's. */
  public String postingTo() {
    return linkedThroughFacebook != null ? linkedThroughFacebook.username() : instagram().username();
  }

  /**
   * How the dashboard names an account type that a persona declares in Meta's spelling: the guide's words (Business,
   * Creator, Personal). Kept here, from the guide, so that no expectation is computed by the app under test.
   */
  public static String shownAs(String accountType) {
    return switch (accountType) {
      case "Business" -> "Business";
      case "Media_Creator" -> "Creator";
      case "Personal" -> "Personal";
      default -> throw new IllegalArgumentException("No name in the guide for the account type '" + accountType
          + "' (fixtures/personas): Business, Media_Creator or Personal");
    };
  }

  public boolean hasInstagramPersona() {
    return instagram != null;
  }

  public InstagramPersona instagram() {
    if (instagram == null) {
      throw new IllegalStateException("No Instagram account chosen yet: start the scenario with "
          + "'Given my Instagram account is \"<persona>\"' (personas: fixtures/personas/instagram.json)");
    }
    return instagram;
  }
}
