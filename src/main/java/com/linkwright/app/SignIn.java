package com.linkwright.app;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sign-in and sign-out: a workspace per visitor, so every scenario starts from an empty dashboard. */
final class SignIn {
  private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);
  private final Sessions sessions;
  private final SignInGuard signInGuard;
  private final WorkspaceGuard guard;

  SignIn(Sessions sessions, SignInGuard signInGuard, WorkspaceGuard guard) {
    this.sessions = sessions;
    this.signInGuard = signInGuard;
    this.guard = guard;
  }

  void addRoutes(RoutesConfig routes) {
    routes.get("/signin", this::signInPage);
    routes.post("/signin", this::signIn);
    routes.post("/signout", this::signOut);
  }

  /** sign-in.mustache: why the visitor is here again (null for none), and the form's token. */
  record SignInView(String status, String formToken) {}

  private void signInPage(Context ctx) {
    String why = ctx.queryParam("expired") != null
        ? "Your session ended after " + Sessions.IDLE_LIMIT.toMinutes() + " minutes without activity. Sign in again."
        : ctx.queryParam("signed-out") != null ? "You are signed out." : null;
    ctx.header("Cache-Control", "no-store");
    ctx.html(Views.page("sign-in", "Sign in", null, new SignInView(why, signInGuard.formToken(ctx))));
  }

  private void signIn(Context ctx) {
    String refusal = signInGuard.refusal(ctx);
    if (refusal != null) {
      LOG.warn("sign-in refused: {}", LogSafe.text(refusal));
      ctx.status(HttpStatus.FORBIDDEN).html(Views.message("Sign in", null, new Views.Message(null,
          "This sign-in did not come from the dashboard's own sign-in page, so it was refused. ",
          new Views.Link("Open the sign-in page", "/signin"), " and sign in there.")));
      return;
    }
    String name = ctx.formParam("name");
    if (name == null || name.isBlank()) {
      ctx.status(HttpStatus.BAD_REQUEST).html(Views.message("Sign in", null, Views.Message.of("Please enter your name.")));
      return;
    }
    // a new sign-in in this browser ends the session it had
    sessions.close(ctx.cookie(Sessions.COOKIE));
    Workspace workspace = new Workspace(Secrets.random(12), name.trim(), Secrets.random(24));
    ctx.header("Set-Cookie", Sessions.COOKIE + "=" + sessions.open(workspace) + "; Path=/; HttpOnly; SameSite=Lax");
    LOG.info("workspace {} opened for '{}'", workspace.id, LogSafe.text(workspace.name));
    ctx.redirect("/social-accounts", HttpStatus.SEE_OTHER);
  }

  private void signOut(Context ctx) {
    Workspace workspace = guard.requirePostFrom(ctx);
    if (workspace == null) {
      return;
    }
    sessions.close(ctx.cookie(Sessions.COOKIE));
    ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    LOG.info("workspace {} signed out", workspace.id);
    ctx.redirect("/signin?signed-out", HttpStatus.SEE_OTHER);
  }
}
