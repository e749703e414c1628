package com.linkwright.stubs;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable codes and tokens, shaped like Meta's (an alphanumeric run behind a known prefix). */
final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  static String random(String prefix, int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('-', 'x').replace('_', 'Z');
  }
}
