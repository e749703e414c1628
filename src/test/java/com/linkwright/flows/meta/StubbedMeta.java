package com.linkwright.flows.meta;

import com.linkwright.harness.BrowserSession;
import com.linkwright.stubs.FacebookPersona;
import com.linkwright.stubs.FacebookPersonaBook;
import com.linkwright.stubs.InstagramPersona;
import com.linkwright.stubs.ProviderStubs.Received;
import java.util.List;

/**
 * The control of the stubbed Instagram and Facebook for one scenario: the persona copies it is issued, what it does
 * to an account outside the browser (in the Instagram mobile app, or on Meta's side), and what the stubs received
 * from its dashboard user. Created per scenario by PicoContainer, beside {@link BrowserSession}.
 */
public final class StubbedMeta {
  private final BrowserSession session;

  public StubbedMeta(BrowserSession session) {
    this.session = session;
  }

  /** This scenario's own copy of a declared Instagram persona; an unknown handle fails naming the known ones. */
  public InstagramPersona issueInstagramPersona(String handle) {
    return session.harness().instagramPersonas().issueCopy(handle);
  }

  /** This scenario's own copy of a declared Facebook persona; an unknown handle fails naming the known ones. */
  public FacebookPersona issueFacebookPersona(String handle) {
    return session.harness().facebookPersonas().issueCopy(handle);
  }

  /** Switches the account's type as the Instagram mobile app would (Meta's spelling: Business, Media_Creator, Personal). */
  public void switchAccountType(InstagramPersona persona, String metaAccountType) {
    session.harness().instagramAccount(persona).switchAccountType(metaAccountType);
  }

  /** Instagram revokes the token it gave the dashboard for this account, as Meta does after a password change. */
  public void revokeAccess(InstagramPersona persona) {
    session.harness().instagramAccount(persona).revokeAccess();
  }

  /** The id of the Instagram account {@code username} behind a Page of any declared Facebook persona. */
  public String instagramIdOfAnyFacebookPersona(String username) {
    FacebookPersonaBook book = session.harness().facebookPersonas();
    return book.handles().stream().map(book::declared).flatMap(p -> p.pages().stream()).map(FacebookPersona.Page::instagram)
        .filter(ig -> ig != null && ig.username().equals(username)).map(FacebookPersona.InstagramAccount::id).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No Facebook persona has @" + username + " (fixtures/personas/facebook.json)"));
  }

  /** What the stubbed Instagram received since the scenario began on {@code POST /{persona's IG user id}{suffix}}. */
  public List<Received> instagramReceived(InstagramPersona persona, String suffix) {
    return session.harness().instagramReceived(session.startedAt(), "POST", "/" + persona.userId() + suffix);
  }

  /**
   * What the stubbed Facebook's Graph received since the scenario began on {@code POST /{ig-user-id}{suffix}},
   * authorized with this Facebook persona's own token only.
   */
  public List<Received> facebookReceived(FacebookPersona persona, FacebookPersona.InstagramAccount account, String suffix) {
    return session.harness().facebookReceived(session.startedAt(), "POST", "/" + account.id() + suffix, persona.userId());
  }
}
