package com.linkwright.app;

import io.javalin.http.Context;

/**
 * Request tagging: a request may name what sent it in the {@link LinkingApp#REQUEST_TAG_HEADER} header (the test
 * harness sends its scenario's feature file and line). An app started to record reach keeps the tag for the request's
 * thread while the request is handled, so that {@link Faults} can note it at the sites it reaches. Nothing else reads
 * it: a tag changes nothing in what the app does or answers.
 */
final class RequestTags {
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestTags() {}

  /** Before every request: its tag, or none. Set each time, so that a pooled thread never carries an old one. */
  static void begin(Context ctx) {
    String tag = ctx.header(LinkingApp.REQUEST_TAG_HEADER);
    CURRENT.set(tag == null || tag.isBlank() ? null : tag.trim());
  }

  static void end(Context ctx) {
    CURRENT.remove();
  }

  /** The tag of the request this thread is handling; {@link LinkingApp#UNTAGGED} for none, or outside a request. */
  static String current() {
    String tag = CURRENT.get();
    return tag == null ? LinkingApp.UNTAGGED : tag;
  }
}
