package com.linkwright.steps;

import com.linkwright.stubs.FacebookPersona;
import com.linkwright.stubs.InstagramPersona;

/**
 * What one scenario has set up so far, for its later steps: its Instagram and Facebook persona copies, the Instagram
 * account it linked through a Facebook Page, and whether its dashboard user's "Instagram Login" setting is on.
 * Created per scenario by PicoContainer and shared by its step classes.
 */
public class ScenarioState {
  private InstagramPersona instagram;
  private FacebookPersona facebook;
  private FacebookPersona.InstagramAccount linkedThroughFacebook;
  private boolean instagramLogin = true;

  public void instagram(InstagramPersona persona) {
    instagram = persona;
  }

  public void facebook(FacebookPersona persona) {
    facebook = persona;
  }

  /** Whether the dashboard user's "Instagram Login" setting is on (the direct flow) or off (the Facebook flow). */
  public boolean instagramLogin() {
    return instagramLogin;
  }

  public void instagramLogin(boolean on) {
    instagramLogin = on;
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
