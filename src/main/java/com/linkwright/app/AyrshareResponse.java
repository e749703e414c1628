package com.linkwright.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Answers of POST /api/post in Ayrshare's shape (docs: errors/errors-ayrshare): a top-level status, one errors[]
 * entry per failing network ({action, status, code, message, post, platform}), postIds[] for what went out, an id.
 */
public final class AyrshareResponse {
  /** Ayrshare's code for a network the profile has not linked (ayrshare-mcp errors skill: "…is not linked"). */
  public static final int CODE_NOT_LINKED = 156;
  /** The reference app's own: Instagram refused or failed the publishing calls. */
  public static final int CODE_PUBLISH_FAILED = 366;
  /** The reference app's own: the request's body could not be read (malformed, or over the size limits). */
  public static final int CODE_UNREADABLE_REQUEST = 367;
  private static final ObjectMapper JSON = new ObjectMapper();

  private AyrshareResponse() {}

  public static ObjectNode error(int code, String message, String post) {
    ObjectNode body = JSON.createObjectNode().put("status", "error");
    ObjectNode error = body.putArray("errors").addObject()
        .put("action", "post").put("status", "error").put("code", code).put("message", message);
    if (post != null && !post.isEmpty()) {
      error.put("post", post);
    }
    error.put("platform", "instagram");
    body.putArray("postIds");
    body.put("id", Secrets.random(15));
    return body;
  }

  public static ObjectNode success(String mediaId, String username, String post) {
    ObjectNode body = JSON.createObjectNode().put("status", "success");
    body.putArray("errors");
    body.putArray("postIds").addObject()
        .put("status", "success").put("id", mediaId).put("platform", "instagram").put("username", username);
    body.put("post", post == null ? "" : post);
    body.put("id", Secrets.random(15));
    return body;
  }
}
