package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard's frame over HTTP: the way in, what every page sends, and a name that is text, not markup. */
class DashboardPagesIT {
  private static AppUnderTest app;

  @BeforeAll
  static void start() {
    app = AppUnderTest.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theHomePageSendsAStrangerToSignInAndAUserToSocialAccounts() {
    HttpResponse<String> stranger = app.visitor().get("/");
    assertThat(stranger.statusCode()).isEqualTo(303);
    assertThat(Visitor.location(stranger)).isEqualTo("/signin");
    Visitor ada = app.visitor();
    ada.signIn("Ada");
    assertThat(Visitor.location(ada.get("/"))).isEqualTo("/social-accounts");
    for (String path : java.util.List.of("/settings", "/social-accounts", "/post", "/social-accounts/instagram/choose",
        "/auth/instagram/callback?code=x&state=y", "/auth/facebook/callback?code=x&state=y")) {
      HttpResponse<String> answer = app.visitor().get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(303);
      assertThat(Visitor.location(answer)).as(path).isEqualTo("/signin");
    }
    assertThat(app.visitor().get("/signin").body()).contains("Your name").doesNotContain("Signed in as", "aria-label=\"Dashboard\"");
  }

  @Test
  void aNameIsNeededToSignIn() {
    for (String blank : new String[] {"", "   "}) {
      HttpResponse<String> answer = app.visitor().postSignIn("name", blank);
      assertThat(answer.statusCode()).as("'%s'", blank).isEqualTo(400);
      assertThat(answer.body()).contains("Please enter your name.").doesNotContain("Signed in as");
    }
    HttpResponse<String> noField = app.visitor().postSignIn();
    assertThat(noField.statusCode()).isEqualTo(400);
    assertThat(app.visitor().signIn("  Grace  ").body()).contains("Signed in as Grace</span>");
  }

  @Test
  void aNameIsShownAsTextNeverAsMarkup() {
    HttpResponse<String> page = app.visitor().signIn("<b onclick=\"x('y')\">Bob & co</b>");
    PageText.assertShowsAsText(page.body(), "Signed in as <b onclick=\"x('y')\">Bob & co</b>");
    assertThat(page.body()).doesNotContain("<b onclick");
  }

  @Test
  void everyPageForbidsFramingAndSniffing() {
    for (HttpResponse<String> answer : java.util.List.of(app.visitor().get("/signin"), app.visitor().signIn("Ada"))) {
      assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
  }

  @Test
  void thePagesScriptsAndStylesheetAreServed() {
    for (String file : java.util.List.of("/static/facebook-link.js", "/static/facebook-callback.js", "/static/dashboard.css")) {
      HttpResponse<String> answer = app.visitor().get(file);
      assertThat(answer.statusCode()).as(file).isEqualTo(200);
      assertThat(answer.body()).as(file).isNotBlank();
    }
    assertThat(app.visitor().get("/static/facebook-link.js").body()).contains("linkwright:facebook-login");
  }

  @Test
  void theSettingsShowInstagramLoginOnForANewUser() {
    Visitor ada = app.visitor();
    ada.signIn("Ada");
    String settings = ada.get("/settings").body();
    assertThat(settings).contains("name=\"instagramLogin\" value=\"on\" checked>").doesNotContain("Settings saved");
  }
}
