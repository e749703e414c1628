package com.linkwright.stubs;

import java.net.URI;

/** The app registered with the stubbed provider: its id, its secret and the one redirect URI it may use. */
public record RegisteredApp(String name, String clientId, String clientSecret, URI redirectUri) {
  /** Meta's rule for an authorization request: the redirect URI is the registered one, exactly (no prefix, no slash more). */
  public boolean allowsRedirectTo(String uri) {
    return redirectUri.toString().equals(uri);
  }
}
