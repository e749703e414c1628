package com.linkwright.app;

import java.net.URI;
import java.util.List;

/**
 * Where the app finds Instagram, and who it is there. In production these are www.instagram.com,
 * api.instagram.com and graph.instagram.com; in the harness they all point at the stubbed Instagram.
 */
public record InstagramSettings(
    URI authorizeUrl, URI tokenUrl, URI graphUrl, String clientId, String clientSecret, List<String> scopes) {

  /** The scopes Business Login for Instagram needs to publish, comment and read insights. */
  public static final List<String> PUBLISHING_SCOPES = List.of(
      "instagram_business_basic",
      "instagram_business_content_publish",
      "instagram_business_manage_comments",
      "instagram_business_manage_insights");

  /** All three Instagram hosts served by one stub at {@code base}. */
  public static InstagramSettings stubbedAt(URI base, String clientId, String clientSecret) {
    String b = base.toString().replaceAll("/$", "");
    return new InstagramSettings(URI.create(b + "/oauth/authorize"), URI.create(b + "/oauth/access_token"),
        URI.create(b), clientId, clientSecret, PUBLISHING_SCOPES);
  }
}
