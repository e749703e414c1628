package com.linkwright.stubs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codes and tokens one stubbed provider issued, each bound to the grant it stands for (who, for which app, with
 * what). A code is one-time: redeeming it removes it, whether or not the exchange then succeeds; a token reaches only
 * its own grant.
 */
final class GrantStore<G extends GrantStore.Grant> {
  /** What every grant knows: the app it was given to and the redirect URI of its authorization request. */
  interface Grant {
    RegisteredApp app();

    String redirectUri();
  }

  private final Map<String, G> codes = new ConcurrentHashMap<>();
  private final Map<String, G> tokens = new ConcurrentHashMap<>();

  /** A new authorization code for {@code grant}, shaped like Meta's. */
  String issueCode(G grant) {
    String code = Tokens.random("AQ", 96);
    codes.put(code, grant);
    return code;
  }

  /** The code's grant, if the code was issued to {@code app} and not redeemed before; the code is gone either way. */
  G redeem(String code, RegisteredApp app) {
    G grant = code == null ? null : codes.remove(code);
    return grant == null || grant.app() != app ? null : grant;
  }

  /** A new token ({@code prefix} and {@code bytes} of randomness) for {@code grant}. */
  String issueToken(String prefix, int bytes, G grant) {
    String token = Tokens.random(prefix, bytes);
    tokens.put(token, grant);
    return token;
  }

  /** The grant behind a token, or null for a token this provider never issued (or none). */
  G grantOf(String token) {
    return token == null ? null : tokens.get(token);
  }
}
