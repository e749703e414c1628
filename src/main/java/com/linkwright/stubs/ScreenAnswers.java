package com.linkwright.stubs;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What the providers' screens answer the browser, for both providers: a page of the provider's own (error.html of its
 * fixtures, rendered with a title and a message) or a redirect, never cached (it carries a code or the end of a dialog).
 */
final class ScreenAnswers {
  private ScreenAnswers() {}

  /** The provider's error page with HTTP 400, as Meta's dialogs show a request they refuse. */
  static ResponseDefinition errorPage(ResponseDefinitionBuilder out, String title, String message) {
    return page(out.withStatus(400), title, message);
  }

  /** The provider's error page with the status {@code out} already has. */
  static ResponseDefinition page(ResponseDefinitionBuilder out, String title, String message) {
    return out.withBodyFile("error.html")
        .withTransformerParameter("title", title)
        .withTransformerParameter("message", message)
        .build();
  }

  static ResponseDefinition redirect(ResponseDefinitionBuilder out, int status, String location) {
    return out.withStatus(status).withHeader("Location", location).withHeader("Cache-Control", "no-store").build();
  }

  /** A value for a query string. */
  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
