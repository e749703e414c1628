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
    assertThat(Visitor.location(app.visitor().get("/settings"))).isEqualTo("/signin");
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
    assertThat(page.body())
        .contains("Signed in as &lt;b onclick=&quot;x(&#39;y&#39;)&quot;&gt;Bob &amp; co&lt;/b&gt;")
        .doesNotContain("<b onclick");
  }

  @Test
  void everyPageForbidsFramingAndSniffing() {
    for (HttpResponse<String> answer : java.util.List.of(app.visitor().get("/signin"), app.visitor().signIn("Ada"))) {
      assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
  }

  @Test
  void theSettingsShowInstagramLoginOnForANewUser() {
    Visitor ada = app.visitor();
    ada.signIn("Ada");
    String settings = ada.get("/settings").body();
    assertThat(settings).contains("name=\"instagramLogin\" value=\"on\" checked>").doesNotContain("Settings saved");
  }
}
