package com.linkwright.app;

import com.linkwright.app.Workspace.Notice;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Settings: the "Instagram Login" switch, which picks the guide's way of linking (directly, or through Facebook). */
final class SettingsPage {
  private final WorkspaceGuard guard;

  SettingsPage(WorkspaceGuard guard) {
    this.guard = guard;
  }

  void addRoutes(RoutesConfig routes) {
    routes.get("/settings", this::page);
    routes.post("/settings", this::save);
  }

  private void page(Context ctx) {
    Workspace workspace = guard.requireWorkspace(ctx);
    if (workspace == null) {
      return;
    }
    ctx.html(Views.page("settings", "Settings", workspace,
        new SettingsView(Views.NoticeView.of(workspace.takeNotice()), workspace.csrfToken, workspace.instagramLogin)));
  }

  /** settings.mustache */
  record SettingsView(Views.NoticeView notice, String csrf, boolean instagramLogin) {}

  private void save(Context ctx) {
    Workspace workspace = guard.requirePostFrom(ctx);
    if (workspace == null) {
      return;
    }
    workspace.instagramLogin = "on".equals(ctx.formParam("instagramLogin"));
    workspace.notice = Notice.success("Settings saved", "Instagram Login is " + (workspace.instagramLogin ? "on" : "off") + ".");
    ctx.redirect("/settings", HttpStatus.SEE_OTHER);
  }
}
