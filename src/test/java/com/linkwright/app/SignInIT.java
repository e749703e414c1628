package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signing in over plain HTTP: each visitor gets a workspace of their own, and nobody else's. */
class SignInIT {
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
  void signingInOpensMyOwnSocialAccounts() {
    HttpResponse<String> page = app.visitor().signIn("Ada Lovelace");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>Social Accounts</h1>").contains("Signed in as Ada Lovelace");
  }

  @Test
  void aVisitorWithoutASessionIsSentToSignIn() {
    Visitor stranger = app.visitor();
    HttpResponse<String> answer = stranger.get("/social-accounts");
    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(Visitor.location(answer)).isEqualTo("/signin");
  }

  @Test
  void twoVisitorsNeverShareAWorkspace() {
    Visitor ada = app.visitor();
    ada.signIn("Ada");
    Visitor grace = app.visitor();
    grace.signIn("Grace");
    assertThat(ada.get("/social-accounts").body()).contains("Signed in as Ada").doesNotContain("Grace");
    assertThat(grace.csrf()).isNotEqualTo(ada.csrf());
  }

  @Test
  void theSessionCookieIsOutOfScriptsReachAndStaysOnThisSite() {
    HttpResponse<String> answer = app.visitor().postSignIn("name", "Ada");
    String cookie = answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("lw_session=")).findFirst()
        .orElseThrow(() -> new AssertionError("No session cookie in " + answer.headers().map()));
    assertThat(cookie.split(";\\s*")).as(cookie)
        .anySatisfy(a -> assertThat(a).isEqualToIgnoringCase("HttpOnly"))
        .anySatisfy(a -> assertThat(a).matches("(?i)SameSite=(Lax|Strict)"))
        .anySatisfy(a -> assertThat(a).isEqualTo("Path=/"));
    assertThat(cookie.substring("lw_session=".length()).split(";")[0]).as("an unguessable session id").hasSizeGreaterThanOrEqualTo(32);
  }
}
