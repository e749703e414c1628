package com.linkwright.stubs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An Instagram account the stubbed Instagram knows, as declared in fixtures/personas/instagram.json.
 * A scenario never logs in with the declared persona itself but with its own {@link #copy copy}:
 * same username, its own password and user id, so that scenarios running side by side never share state.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Persona(
    @JsonProperty("handle") String handle,
    @JsonProperty("name") String name,
    @JsonProperty("password") String password,
    @JsonProperty("user_id") String userId,
    @JsonProperty("account_type") String accountType) {

  public Persona {
    require(handle, "handle");
    require(password, "password");
    require(userId, "user_id");
    require(accountType, "account_type");
  }

  /** The login name shown on Instagram's pages and returned by GET /me. */
  public String username() {
    return handle;
  }

  Persona copy(String newPassword, String newUserId) {
    return new Persona(handle, name, newPassword, newUserId, accountType);
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a persona in fixtures/personas/instagram.json has no '" + field + "'");
    }
  }
}
