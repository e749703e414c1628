package com.linkwright.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.linkwright.flows.dashboard.DashboardShortcuts;
import com.linkwright.harness.BrowserSession;
import com.linkwright.pages.dashboard.SettingsPage;
import com.linkwright.pages.meta.InstagramLoginPage;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Signing in to the dashboard, and its Settings: the "Instagram Login" switch that chooses the flow. */
public class SignInAndSettingsSteps {
  private final BrowserSession session;
  private final ScenarioState state;

  public SignInAndSettingsSteps(BrowserSession session, ScenarioState state) {
    this.session = session;
    this.state = state;
  }

  @Given("I am signed in to the dashboard as a new user")
  public void signedInAsNewUser() {
    DashboardShortcuts.of(session).signIn(session.uniqueName("QA"));
  }

  @When("{string} is switched {onOff} in Settings")
  public void settingSwitched(String setting, boolean on) {
    requireKnownSetting(setting);
    new SettingsPage(session.page()).open().switchInstagramLogin(on);
    state.instagramLogin(on);
  }

  /** The same setting as a precondition: saved with the Settings form's request, without drawing the page. */
  @Given("my {string} setting is {onOff}")
  public void settingIs(String setting, boolean on) {
    requireKnownSetting(setting);
    DashboardShortcuts.of(session).saveInstagramLogin(on);
    state.instagramLogin(on);
  }

  @Then("Instagram's own login opens in the dashboard's window, with no pop-up")
  public void instagramLoginInSameWindow() {
    new InstagramLoginPage(session.page(), session.harness().instagramUrl()).expectShown();
    assertThat(session.page().context().pages()).hasSize(1);
  }

  private static void requireKnownSetting(String setting) {
    if (!"Instagram Login".equals(setting)) {
      throw new IllegalArgumentException("The dashboard has no setting '" + setting + "'; it has: \"Instagram Login\"");
    }
  }
}
