package com.linkwright.stubs;

import java.util.List;

/**
 * What an Instagram code or token stands for: the app, the persona, the scopes granted; {@code generation} ties it to
 * the account's authorization at the time (a later revocation or removal outdates it); {@code sessionInvalid} marks a
 * code issued while Instagram still held an earlier authorization of the app (its exchange fails: "Session Invalid").
 */
record InstagramGrant(RegisteredApp app, String redirectUri, InstagramPersona persona, List<String> scopes,
                      boolean longLived, int generation, boolean sessionInvalid) implements GrantStore.Grant {

  /** The long-lived token's grant, exchanged for this short-lived one. */
  InstagramGrant longLivedOne() {
    return new InstagramGrant(app, redirectUri, persona, scopes, true, generation, false);
  }
}
