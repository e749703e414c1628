package com.linkwright.stubs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * What the stubs' API endpoints answer, in Meta's shapes: a JSON body, Graph's error
 * ({@code {"error":{"message","type":"OAuthException","code","error_subcode"?,"fbtrace_id"}}}, HTTP 400), and the
 * other shape Instagram Login's own token endpoint uses. The one place both providers' errors are written.
 */
final class GraphAnswers {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Graph's 190 for a token it never issued (or could not read). */
  static final String INVALID_TOKEN = "Invalid OAuth access token - Cannot parse access token";
  /** The tail Graph puts after "Unsupported … request" when it answers with its own documentation's address. */
  static final String SEE_THE_DOCS = " at https://developers.facebook.com/docs/graph-api";

  private GraphAnswers() {}

  static ResponseDefinition ok(ResponseDefinitionBuilder out, Object body) {
    return out.withStatus(200).withBody(body.toString()).build();
  }

  /** A new token as Graph hands it out: a bearer token good for about 60 days. */
  static ResponseDefinition bearerToken(ResponseDefinitionBuilder out, String token) {
    return ok(out, JSON.createObjectNode().put("access_token", token).put("token_type", "bearer").put("expires_in", 5183944));
  }

  static ResponseDefinition error(ResponseDefinitionBuilder out, int code, String message) {
    return error(out, code, 0, message);
  }

  static ResponseDefinition error(ResponseDefinitionBuilder out, int code, int subcode, String message) {
    ObjectNode error = JSON.createObjectNode().put("message", message).put("type", "OAuthException").put("code", code);
    if (subcode != 0) {
      error.put("error_subcode", subcode);
    }
    error.put("fbtrace_id", Tokens.random("A", 9));
    return json400(out, JSON.createObjectNode().set("error", error));
  }

  static ResponseDefinition invalidToken(ResponseDefinitionBuilder out) {
    return error(out, 190, INVALID_TOKEN);
  }

  /** 190, subcode 458: the user took the app's authorization back (or Instagram dropped it) after the token was issued. */
  static ResponseDefinition notAuthorized(ResponseDefinitionBuilder out, String userId, String clientId) {
    return error(out, 190, 458, notAuthorizedMessage(userId, clientId));
  }

  static String notAuthorizedMessage(String userId, String clientId) {
    return "Error validating access token: User " + userId + " has not authorized application " + clientId + ".";
  }

  /**
   * Graph's text for an object the token cannot reach, or an operation it does not support (code 100); Ayrshare quotes
   * it up to "documentation", Graph itself goes on with {@link #SEE_THE_DOCS}.
   */
  static String unsupported(String method, String objectId) {
    return "Unsupported " + method.toLowerCase() + " request. Object with ID '" + objectId + "' does not exist, "
        + "cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation";
  }

  /** Instagram Login's token endpoint (api.instagram.com/oauth/access_token) answers in a flat shape of its own. */
  static ResponseDefinition instagramOAuthError(ResponseDefinitionBuilder out, String message) {
    return json400(out, JSON.createObjectNode().put("error_type", "OAuthException").put("code", 400).put("error_message", message));
  }

  private static ResponseDefinition json400(ResponseDefinitionBuilder out, ObjectNode body) {
    return out.withStatus(400).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body.toString()).build();
  }
}
