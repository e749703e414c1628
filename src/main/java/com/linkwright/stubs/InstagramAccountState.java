package com.linkwright.stubs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the stubbed Instagram holds about one account (one scenario's persona copy), beyond its declaration:
 * the account type GET /me reports now, the apps it has authorized, and which of those authorizations went stale.
 * Each copy has its own, so a scenario that switches, revokes or removes never touches another scenario's account.
 */
public final class InstagramAccountState {
  private volatile String reportedAccountType;
  /** Apps the account authorized in this run, by name, as "Apps and websites" lists them. */
  private final Set<String> authorizedApps = ConcurrentHashMap.newKeySet();
  /** Authorizations from before that Instagram still holds: a new direct login for such an app is a Session Invalid. */
  private final Set<String> staleAuthorizations = ConcurrentHashMap.newKeySet();
  /** Bumped when access is revoked: tokens issued under an older generation answer Graph error 190. */
  private final AtomicInteger tokenGeneration = new AtomicInteger();

  InstagramAccountState(InstagramPersona persona) {
    String stale = persona.staleAccountType();
    this.reportedAccountType = stale == null || stale.isBlank() ? persona.accountType() : stale;
    staleAuthorizations.addAll(persona.alreadyAuthorized());
  }

  /** The type GET /me reports: a stale one until the account is switched in the Instagram app. */
  public String reportedAccountType() {
    return reportedAccountType;
  }

  /** The account holder switches the account type in the Instagram app (Meta's spelling: Business, Media_Creator, Personal). */
  public void switchAccountType(String accountType) {
    reportedAccountType = accountType;
  }

  public boolean hasStaleAuthorization(String appName) {
    return staleAuthorizations.contains(appName);
  }

  void authorized(String appName) {
    authorizedApps.add(appName);
  }

  /** Every app "Apps and websites" lists for the account, oldest authorizations first. */
  public List<String> apps() {
    List<String> all = new ArrayList<>(staleAuthorizations);
    authorizedApps.stream().filter(a -> !all.contains(a)).sorted().forEach(all::add);
    return all;
  }

  /** "Remove" under Apps and websites: the app's authorization and every token it holds are gone. */
  public void removeApp(String appName) {
    staleAuthorizations.remove(appName);
    authorizedApps.remove(appName);
    tokenGeneration.incrementAndGet();
  }

  /** Access revoked or expired on Instagram's side (a password change, a security check, a removal elsewhere). */
  public void revokeAccess() {
    tokenGeneration.incrementAndGet();
  }

  int tokenGeneration() {
    return tokenGeneration.get();
  }
}
