package com.linkwright.app;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Who is asking: the workspace of a request's session, and the two guards every dashboard route starts with (signed
 * in; for a form, also carrying this workspace's form token, compared whole in constant time).
 */
final class WorkspaceGuard {
  private final Sessions sessions;

  WorkspaceGuard(Sessions sessions) {
    this.sessions = sessions;
  }

  /** The signed-in workspace, or null; never answers the request. */
  Workspace workspace(Context ctx) {
    return sessions.find(ctx.cookie(Sessions.COOKIE)).workspace();
  }

  /** The signed-in workspace; null after sending the browser to sign in (saying so when the session expired). */
  Workspace requireWorkspace(Context ctx) {
    Sessions.Lookup session = sessions.find(ctx.cookie(Sessions.COOKIE));
    if (session.workspace() == null) {
      ctx.redirect(session.expired() ? "/signin?expired" : "/signin", HttpStatus.SEE_OTHER);
    }
    return session.workspace();
  }

  /** A signed-in POST that carries this workspace's CSRF token; null after answering it otherwise. */
  Workspace requirePostFrom(Context ctx) {
    Workspace workspace = requireWorkspace(ctx);
    if (workspace == null) {
      return null;
    }
    String csrf = ctx.formParam("csrf");
    if (csrf == null || !Secrets.constantTimeEquals(workspace.csrfToken, csrf)) {
      ctx.status(HttpStatus.FORBIDDEN).html(Views.message("Forbidden", workspace, new Views.Message(null,
          "This form has expired. Go back to ", new Views.Link("Social Accounts", "/social-accounts"), " and try again.")));
      return null;
    }
    return workspace;
  }
}
