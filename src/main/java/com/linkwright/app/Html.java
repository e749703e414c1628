package com.linkwright.app;

/** Escaping and the page frame shared by the dashboard's pages. */
final class Html {
  private Html() {}

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String page(String title, Workspace user, String body) {
    String nav = user == null ? "" : """
        <nav aria-label="Dashboard">
          <a href="/social-accounts">Social Accounts</a>
          <a href="/settings">Settings</a>
          <span class="who">Signed in as %s</span>
          <form method="post" action="/signout" class="sign-out">
            <input type="hidden" name="csrf" value="%s">
            <button type="submit">Sign out</button>
          </form>
        </nav>""".formatted(esc(user.name), esc(user.csrfToken));
    return """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>%s · Linkwright Dashboard</title>
          <link rel="stylesheet" href="/static/dashboard.css">
        </head>
        <body>
        <header><span class="brand">Linkwright Dashboard</span>%s</header>
        <main>
        %s
        </main>
        </body>
        </html>
        """.formatted(esc(title), nav, body);
  }

  static String notice(Workspace.Notice notice) {
    if (notice == null) {
      return "";
    }
    String role = notice.tone() == Workspace.Tone.SUCCESS ? "status" : "alert";
    StringBuilder steps = new StringBuilder();
    if (!notice.steps().isEmpty()) {
      steps.append("<ol>");
      notice.steps().forEach(step -> steps.append("<li>").append(step(step)).append("</li>"));
      steps.append("</ol>");
    }
    return """
        <div class="notice %s" role="%s">
          <strong>%s</strong>
          <p>%s</p>%s
        </div>""".formatted(notice.tone().name().toLowerCase(), role, esc(notice.title()), esc(notice.text()), steps);
  }

  /** A notice step drawn from its parts, every text escaped. */
  static String step(NoticeStep step) {
    StringBuilder out = new StringBuilder();
    for (NoticeStep.Part part : step.parts()) {
      if (part instanceof NoticeStep.Strong b) {
        out.append("<strong>").append(esc(b.text())).append("</strong>");
      } else if (part instanceof NoticeStep.Link l) {
        // a provider's page learns nothing of where the user came from
        String rel = l.href().startsWith("/") ? "" : " rel=\"noopener noreferrer\"";
        out.append("<a href=\"").append(esc(l.href())).append('"').append(rel).append('>').append(esc(l.text())).append("</a>");
      } else {
        out.append(esc(((NoticeStep.Text) part).text()));
      }
    }
    return out.toString();
  }
}
