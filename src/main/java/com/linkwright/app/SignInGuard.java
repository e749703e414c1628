package com.linkwright.app;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Login CSRF: a page elsewhere must not sign this browser in to a workspace of the attacker's choosing (and so
 * replace the user's own session). A sign-in is taken only from this dashboard's own sign-in form:
 * <ul>
 *   <li>a browser's Sec-Fetch-Site, when sent, must say same-origin (same-site is not enough: another port of
 *       localhost is another origin on the same site), and its Origin, when sent, must be exactly the dashboard's;</li>
 *   <li>and always, the form's token must be the one bound to this browser's pre-session cookie, which the sign-in
 *       page sets (SameSite=Strict, so a cross-site post does not even carry it). A client that sends no Origin
 *       (not a browser) still needs the token, which only a read of the sign-in page gives.</li>
 * </ul>
 */
final class SignInGuard {
  static final String COOKIE = "lw_signin";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key = new byte[32];
  private final Supplier<String> appOrigin;

  SignInGuard(Supplier<String> appOrigin) {
    this.appOrigin = appOrigin;
    RANDOM.nextBytes(key);
  }

  /** For the sign-in page: the form's token, bound to this browser's pre-session cookie (set here when it has none). */
  String formToken(Context ctx) {
    String preSession = ctx.cookie(COOKIE);
    if (preSession == null || preSession.length() < 32) {
      preSession = Secrets.random(24);
      ctx.res().addHeader("Set-Cookie", COOKIE + "=" + preSession + "; Path=/signin; HttpOnly; SameSite=Strict");
    }
    return tokenFor(preSession);
  }

  /** Why this sign-in is refused, for the log; null when it comes from this dashboard's own sign-in form. */
  String refusal(Context ctx) {
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null && !"same-origin".equals(site)) {
      return "Sec-Fetch-Site is '" + site + "'";
    }
    String origin = ctx.header("Origin");
    if (origin != null && !origin.equals(appOrigin.get())) {
      return "Origin is '" + origin + "'";
    }
    String preSession = ctx.cookie(COOKIE);
    String token = ctx.formParam("csrf");
    if (preSession == null || token == null || !Secrets.constantTimeEquals(tokenFor(preSession), token)) {
      return "no sign-in token of this browser's sign-in page";
    }
    return null;
  }

  private String tokenFor(String preSession) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(preSession.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
