package com.linkwright.app;

import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.exception.HttpResponseExceptionMapper;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request body the dashboard cannot read (a broken multipart body, one over the size limits) is the client's
 * mistake: it gets a 400 and one log line, never a 500 and a stack trace. On the API ({@code /api/...}) the answer is
 * in Ayrshare's error shape; elsewhere a plain page. Jetty throws when a form is read (ctx.formParam), so this maps
 * those exceptions; a body announced as too large is refused before anything reads it.
 */
final class RequestBodies {
  /** Room for an image just over Instagram's 8 MB, so that the image rule (not the server) says what is wrong. */
  static final long MAX_MULTIPART_BYTES = 21L * 1024 * 1024;
  /** Any other body (a urlencoded form): Javalin's own limit, stated here so that both checks agree. */
  static final long MAX_FORM_BYTES = 1_000_000;
  /** How much of a refused body is read and thrown away, so that the client gets to read the answer. */
  private static final long DRAIN_LIMIT = 4 * MAX_MULTIPART_BYTES;
  private static final Logger LOG = LoggerFactory.getLogger(RequestBodies.class);

  private RequestBodies() {}

  /** Thrown when a body is refused before it is read. */
  private static final class TooLarge extends RuntimeException {
    TooLarge(String message) {
      super(message, null, false, false);
    }
  }

  static void configure(JavalinConfig config) {
    config.jetty.multipartConfig.maxFileSize(20, SizeUnit.MB);
    config.jetty.multipartConfig.maxTotalRequestSize(MAX_MULTIPART_BYTES, SizeUnit.BYTES);
    config.http.maxRequestSize = MAX_FORM_BYTES;
    config.routes.before(RequestBodies::refuseWhenAnnouncedTooLarge);
    config.routes.exception(TooLarge.class, (e, ctx) -> refuse(ctx, e.getMessage(), true));
    config.routes.exception(ServletException.class, RequestBodies::unreadable);
    config.routes.exception(BadMessageException.class, RequestBodies::unreadable);
    // a body sent in chunks is measured while Javalin reads it; Javalin has logged its own line by then
    // ("Body size greater than max size"), so this one adds none. Every other status is Javalin's as before.
    config.routes.exception(HttpResponseException.class, (e, ctx) -> {
      if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
        refuse(ctx, "larger than " + MAX_FORM_BYTES + " bytes", false);
      } else {
        HttpResponseExceptionMapper.INSTANCE.handle(e, ctx);
      }
    });
  }

  private static void refuseWhenAnnouncedTooLarge(Context ctx) {
    long length = ctx.req().getContentLengthLong();
    String type = ctx.contentType();
    long limit = type != null && type.toLowerCase().startsWith("multipart/") ? MAX_MULTIPART_BYTES : MAX_FORM_BYTES;
    if (length > limit) {
      throw new TooLarge(length + " bytes, more than the " + limit + " accepted");
    }
  }

  private static void unreadable(Exception e, Context ctx) {
    Throwable cause = e;
    while (cause != null && !(cause instanceof BadMessageException)) {
      cause = cause.getCause();
    }
    if (cause == null) {
      // not a body the client got wrong: what Javalin itself does with an exception nothing handles
      LOG.warn("Uncaught exception", e);
      ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).result("Server Error");
      return;
    }
    Throwable root = cause;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    refuse(ctx, cause.getMessage() + (root != cause ? " (" + root.getMessage() + ")" : ""), true);
  }

  /**
   * Reads what is left of the body (up to a bound) before answering: a server that answers and closes while the
   * client is still sending resets the connection, and the client (a browser too) then sees a network error instead
   * of the answer.
   */
  private static void drain(Context ctx) {
    byte[] buffer = new byte[64 * 1024];
    long left = DRAIN_LIMIT;
    try {
      InputStream in = ctx.req().getInputStream();
      for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException | IllegalStateException e) {
      // already read (a multipart parser gave up on it) or broken off: nothing left to drain
    }
  }

  private static void refuse(Context ctx, String reason, boolean log) {
    if (log) {
      LOG.warn("{} {}: request body refused, {}", ctx.method(), LogSafe.text(ctx.path()), LogSafe.text(reason));
    }
    String message = "The request could not be read: its body is malformed or too large (at most "
        + MAX_MULTIPART_BYTES / (1024 * 1024) + " MB with an image, " + MAX_FORM_BYTES / 1000 + " kB otherwise). "
        + "Send the form again from the dashboard.";
    drain(ctx);
    // what was left of the body cannot be trusted to end where it says: the client opens a new connection
    ctx.status(HttpStatus.BAD_REQUEST).header("Connection", "close");
    if (ctx.path().startsWith("/api/")) {
      ctx.contentType("application/json").result(AyrshareResponse.error(AyrshareResponse.CODE_UNREADABLE_REQUEST, message, null).toString());
    } else {
      ctx.html(Views.message("Bad request", null, new Views.Message("Bad request", message, null, null)));
    }
  }
}
