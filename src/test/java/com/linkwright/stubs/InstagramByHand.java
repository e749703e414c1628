package com.linkwright.stubs;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Walks the stubbed Instagram's front channel over plain HTTP (no browser), for the JUnit tests. */
public final class InstagramByHand {
  private static final Pattern AR = Pattern.compile("name=\"ar\" value=\"([^\"]+)\"");
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** Logs {@code persona} in at {@code authorizeUrl}, answers the permissions screen, returns the redirect back. */
  public URI authorize(URI authorizeUrl, InstagramPersona persona, boolean allow, String... permissions) throws IOException, InterruptedException {
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(authorizeUrl).build(), HttpResponse.BodyHandlers.ofString());
    String ar = find(AR, login.body(), "the login form");
    HttpResponse<String> consent = post(authorizeUrl.resolve("/accounts/login"),
        "ar=" + enc(ar) + "&username=" + enc(persona.username()) + "&password=" + enc(persona.password()));
    String ar2 = find(AR, consent.body(), "the permissions screen");
    StringBuilder form = new StringBuilder("ar=" + enc(ar2) + "&decision=" + (allow ? "allow" : "cancel"));
    for (String p : permissions) {
      form.append("&permission=").append(enc(p));
    }
    HttpResponse<String> back = post(authorizeUrl.resolve("/oauth/authorize/consent"), form.toString());
    return URI.create(back.headers().firstValue("Location").orElseThrow());
  }

  private HttpResponse<String> post(URI uri, String form) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String find(Pattern p, String html, String where) {
    Matcher m = p.matcher(html);
    if (!m.find()) {
      throw new AssertionError("No authorization request id in " + where + ":\n" + html);
    }
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
