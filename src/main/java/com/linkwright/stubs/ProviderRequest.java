package com.linkwright.stubs;

import com.github.tomakehurst.wiremock.http.Cookie;
import com.github.tomakehurst.wiremock.http.MultiValue;
import com.github.tomakehurst.wiremock.http.Request;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a stubbed endpoint reads from a request, for both providers: query and form parameters as WireMock parsed
 * them (a form body only with Content-Type application/x-www-form-urlencoded, as browsers and the app send it), the
 * access token, the path, a cookie. WireMock decodes a form without a charset in its Content-Type (a browser's) with
 * the JVM's default charset: UTF-8 from Java 18 on, and on Java 17 only where the locale is UTF-8 (or with
 * -Dfile.encoding=UTF-8); the stubs' own forms and personas are ASCII either way.
 */
final class ProviderRequest {
  private final Request request;

  ProviderRequest(Request request) {
    this.request = request;
  }

  /** The first value of a query parameter, or null when the URL has none. */
  String query(String name) {
    return first(request.queryParameter(name));
  }

  /** The first value of a form field, or null when the body has none. */
  String form(String name) {
    return first(request.formParameter(name));
  }

  /** Every value of a form field, in the order sent (checkboxes of one name). */
  List<String> formAll(String name) {
    MultiValue values = request.formParameter(name);
    return values.isPresent() ? values.values() : List.of();
  }

  String method() {
    return request.getMethod().getName();
  }

  String path() {
    return URI.create(request.getUrl()).getPath();
  }

  /** The value of a cookie the browser sent, or null. */
  String cookie(String name) {
    Cookie cookie = request.getCookies().get(name);
    return cookie == null ? null : cookie.getValue();
  }

  /** A Graph read's token: the Authorization header's, else {@code access_token} in the query (Meta takes both). */
  String tokenFromHeaderOrQuery() {
    String token = bearer(request);
    return token != null ? token : query("access_token");
  }

  /** A Graph write's token: the Authorization header's, else {@code access_token} in the form body. */
  String tokenFromHeaderOrForm() {
    String token = bearer(request);
    return token != null ? token : form("access_token");
  }

  /** The {@code fields} a Graph read asks for, or {@code defaults} (comma-separated) when it names none. */
  Set<String> fields(String defaults) {
    String raw = query("fields");
    Set<String> out = new LinkedHashSet<>();
    for (String f : (raw == null || raw.isBlank() ? defaults : raw).split(",")) {
      if (!f.isBlank()) {
        out.add(f.trim());
      }
    }
    return out;
  }

  /** The token of an {@code Authorization: Bearer …} header, or null. */
  static String bearer(Request request) {
    String auth = request.getHeader("Authorization");
    return auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : null;
  }

  private static String first(MultiValue values) {
    return values.isPresent() && !values.values().isEmpty() ? values.firstValue() : null;
  }
}
