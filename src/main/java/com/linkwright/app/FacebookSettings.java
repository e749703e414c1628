package com.linkwright.app;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the app finds Facebook, and who it is there. In production the dialog is on www.facebook.com and the API on
 * graph.facebook.com; in the harness both point at the stubbed Facebook.
 */
public record FacebookSettings(URI dialogUrl, URI graphUrl, String clientId, String clientSecret, List<String> scopes) {
  public static final String GRAPH_VERSION = "v23.0";

  /** What publishing to Instagram through a Facebook Page needs, with the names people see on Facebook. */
  public static final Map<String, String> PUBLISHING_SCOPES;

  static {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("instagram_basic", "Access profile and posts from the Instagram account connected to your Page");
    m.put("instagram_content_publish", "Create and publish content on the Instagram account connected to your Page");
    m.put("pages_show_list", "Show a list of the Pages you manage");
    m.put("pages_read_engagement", "Read content posted on the Page");
    m.put("business_management", "Manage your business and its assets");
    PUBLISHING_SCOPES = java.util.Collections.unmodifiableMap(m);
  }

  /** Both Facebook hosts served by one stub at {@code base}. */
  public static FacebookSettings stubbedAt(URI base, String clientId, String clientSecret) {
    String b = base.toString().replaceAll("/$", "");
    return new FacebookSettings(URI.create(b + "/" + GRAPH_VERSION + "/dialog/oauth"), URI.create(b + "/" + GRAPH_VERSION),
        clientId, clientSecret, List.copyOf(PUBLISHING_SCOPES.keySet()));
  }

  /** How a person reads a permission. */
  public static String permissionName(String scope) {
    return PUBLISHING_SCOPES.getOrDefault(scope, scope);
  }
}
