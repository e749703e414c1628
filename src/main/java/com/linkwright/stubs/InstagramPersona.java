package com.linkwright.stubs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An Instagram account the stubbed Instagram knows, as declared in fixtures/personas/instagram.json.
 * A scenario never logs in with the declared persona itself but with its own {@link #copy copy}:
 * same username, its own password and user id, so that scenarios running side by side never share state.
 * {@code stale_account_type}: what GET /me reports until the account is switched to Personal and back (the guide's
 * reset tip). {@code already_authorized}: apps this account authorized before, which Instagram still remembers
 * (direct login then ends in "400: Session Invalid" until the app is removed under Apps and websites).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstagramPersona(
    @JsonProperty("handle") String handle,
    @JsonProperty("name") String name,
    @JsonProperty("password") String password,
    @JsonProperty("user_id") String userId,
    @JsonProperty("account_type") String accountType,
    @JsonProperty("stale_account_type") String staleAccountType,
    @JsonProperty("already_authorized") List<String> alreadyAuthorized) implements DeclaredPersonas.Copyable<InstagramPersona> {

  public InstagramPersona {
    require(handle, "handle");
    require(password, "password");
    require(userId, "user_id");
    require(accountType, "account_type");
    alreadyAuthorized = alreadyAuthorized == null ? List.of() : List.copyOf(alreadyAuthorized);
  }

  /** The login name shown on Instagram's pages and returned by GET /me. */
  public String username() {
    return handle;
  }

  @Override
  public String login() {
    return handle;
  }

  @Override
  public InstagramPersona copy(String newPassword, String newUserId) {
    return new InstagramPersona(handle, name, newPassword, newUserId, accountType, staleAccountType, alreadyAuthorized);
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a persona in fixtures/personas/instagram.json has no '" + field + "'");
    }
  }
}
