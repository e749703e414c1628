package com.linkwright.stubs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * A Facebook user the stubbed Facebook knows, as declared in fixtures/personas/facebook.json: who logs in, the Pages
 * they have a role on (with the tasks that role allows) and each Page's connected Instagram account, if any.
 * Scenarios use their own {@link #copy copy}: same email and Pages, their own password and user id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FacebookPersona(
    @JsonProperty("handle") String handle,
    @JsonProperty("name") String name,
    @JsonProperty("email") String email,
    @JsonProperty("password") String password,
    @JsonProperty("user_id") String userId,
    @JsonProperty("pages") List<Page> pages) implements DeclaredPersonas.Copyable<FacebookPersona> {

  public FacebookPersona {
    require(handle, "handle", handle);
    require(name, "name", handle);
    require(email, "email", handle);
    require(password, "password", handle);
    require(userId, "user_id", handle);
    pages = pages == null ? List.of() : List.copyOf(pages);
  }

  /** A Facebook Page and what this user may do on it; {@code instagram} is null when no account is connected. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Page(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("category") String category,
      @JsonProperty("tasks") List<String> tasks,
      @JsonProperty("instagram") InstagramAccount instagram) {
    public Page {
      tasks = tasks == null ? List.of() : List.copyOf(tasks);
      category = category == null ? "Local business" : category;
    }
  }

  /** The Instagram professional account connected to a Page; {@code accountType} is Business or Media_Creator. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record InstagramAccount(
      @JsonProperty("id") String id,
      @JsonProperty("username") String username,
      @JsonProperty("account_type") String accountType) {}

  public Optional<Page> page(String pageId) {
    return pages.stream().filter(p -> p.id().equals(pageId)).findFirst();
  }

  public Optional<InstagramAccount> instagramAccount(String igId) {
    return pages.stream().map(Page::instagram).filter(ig -> ig != null && ig.id().equals(igId)).findFirst();
  }

  @Override
  public String login() {
    return email;
  }

  @Override
  public FacebookPersona copy(String newPassword, String newUserId) {
    return new FacebookPersona(handle, name, email, newPassword, newUserId, pages);
  }

  @Override
  public String toString() {
    return "FacebookPersona[" + handle + ", " + email + ", pages=" + pages.stream().map(Page::name).toList() + "]";
  }

  private static void require(String value, String field, String handle) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a persona in fixtures/personas/facebook.json"
          + (handle == null ? "" : " ('" + handle + "')") + " has no '" + field + "'");
    }
  }
}
