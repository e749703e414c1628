package com.linkwright.app;

import java.util.List;

/**
 * One step of a notice's "how to fix it" list, as data: plain text, emphasis and links, each escaped when the notice
 * is drawn (notice.mustache, {@link Views.NoticeView}). No step carries markup, so no text (ours, a user's or a provider's) can become markup.
 */
record NoticeStep(List<Part> parts) {
  NoticeStep {
    parts = List.copyOf(parts);
  }

  sealed interface Part permits Text, Strong, Link {}

  record Text(String text) implements Part {}

  /** Words the user looks for on a screen (a menu item, a button), drawn in bold. */
  record Strong(String text) implements Part {}

  /** A link to a page of this dashboard ("/settings") or of a provider (http or https). */
  record Link(String text, String href) implements Part {
    Link {
      if (!(href.startsWith("/") && !href.startsWith("//")) && !href.startsWith("https://") && !href.startsWith("http://")) {
        throw new IllegalArgumentException("A notice links to this dashboard's pages or to a web page, not to '" + href + "'");
      }
    }
  }

  static NoticeStep of(Part... parts) {
    return new NoticeStep(List.of(parts));
  }

  static NoticeStep of(String text) {
    return of(text(text));
  }

  static Text text(String text) {
    return new Text(text);
  }

  static Strong strong(String text) {
    return new Strong(text);
  }

  static Link link(String text, String href) {
    return new Link(text, href);
  }
}
