package com.linkwright.app;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.util.List;

/**
 * The dashboard's pages: one Mustache template per page ({@code src/main/resources/templates}, read from the
 * classpath and parsed once), drawn from a view model. Every value is HTML-escaped as it is written: the templates
 * have no unescaped hole ({@code {{{ }}}} or {@code {{& }}}), so no text, ours, a user's or a provider's, can become
 * markup. Pages are framed by {@code layout.mustache}: a {@link Frame} is the first scope of every framed page.
 */
final class Views {
  private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory("templates");

  private Views() {}

  /** The page frame: the title, and the navigation of a signed-in workspace (null on the sign-in pages). */
  record Frame(String title, Nav nav) {
    static Frame of(String title, Workspace workspace) {
      return new Frame(title, workspace == null ? null : new Nav(workspace.name, workspace.csrfToken));
    }
  }

  record Nav(String name, String csrf) {}

  /** {@code template}.mustache drawn with {@code scopes}: a name is looked up in the last scope first. */
  static String render(String template, Object... scopes) {
    StringWriter out = new StringWriter();
    TEMPLATES.compile(template + ".mustache").execute(out, scopes);
    return out.toString();
  }

  /** A framed page. */
  static String page(String template, String title, Workspace workspace, Object model) {
    return render(template, Frame.of(title, workspace), model);
  }

  /** A page that only says one thing (a refusal, a bad request), with an optional link in the middle of it. */
  record Message(String heading, String before, Link link, String after) {
    static Message of(String text) {
      return new Message(null, text, null, null);
    }
  }

  record Link(String text, String href) {}

  static String message(String title, Workspace workspace, Message message) {
    return page("message", title, workspace, message);
  }

  /** {@code text} as the templates write it. */
  static String escape(String text) {
    StringWriter out = new StringWriter();
    TEMPLATES.encode(text, out);
    return out.toString();
  }

  /**
   * Only for a fault that writes {@code text} into a page as markup: where the page has {@code before} followed by
   * the escaped text, puts the text itself.
   */
  static String asMarkupAfter(String html, String before, String text) {
    return html.replace(before + escape(text), before + text);
  }

  // --- the notice shown once at the top of a page (notice.mustache)

  /** A notice as the template draws it. */
  record NoticeView(String tone, String role, String title, String text, boolean hasSteps, List<StepView> steps) {
    static NoticeView of(Workspace.Notice notice) {
      if (notice == null) {
        return null;
      }
      return new NoticeView(notice.tone().name().toLowerCase(), notice.tone() == Workspace.Tone.SUCCESS ? "status" : "alert",
          notice.title(), notice.text(), !notice.steps().isEmpty(), notice.steps().stream().map(StepView::of).toList());
    }
  }

  record StepView(List<PartView> parts) {
    static StepView of(NoticeStep step) {
      return new StepView(step.parts().stream().map(PartView::of).toList());
    }
  }

  /** One part of a step: plain text, emphasis, or a link ({@code external}: to a provider's page, sent no referrer). */
  record PartView(String text, boolean plain, boolean strong, boolean link, String href, boolean external) {
    static PartView of(NoticeStep.Part part) {
      if (part instanceof NoticeStep.Strong b) {
        return new PartView(b.text(), false, true, false, null, false);
      }
      if (part instanceof NoticeStep.Link l) {
        return new PartView(l.text(), false, false, true, l.href(), !l.href().startsWith("/"));
      }
      return new PartView(((NoticeStep.Text) part).text(), true, false, false, null, false);
    }
  }

  /** The scope of notice.mustache: {@code {{> notice}}} in a page whose model has no {@code notice} of its own. */
  record NoticeScope(NoticeView notice) {}

  static String notice(Workspace.Notice notice) {
    return render("notice", new NoticeScope(NoticeView.of(notice)));
  }
}
