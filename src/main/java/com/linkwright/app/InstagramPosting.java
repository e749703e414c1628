package com.linkwright.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linkwright.app.Workspace.LinkedInstagram;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Post to Instagram": a page with an image and a caption, and POST /api/post behind it, which answers in Ayrshare's
 * shape. The image is checked against Instagram's rules on the server first; only a fitting image is handed to
 * Instagram, from an unguessable URL that lives only while Instagram fetches it.
 */
final class InstagramPosting {
  static final int CODE_NOT_SIGNED_IN = 360;
  private static final Logger LOG = LoggerFactory.getLogger(InstagramPosting.class);

  private final WorkspaceGuard guard;
  private final Faults faults;
  /** Instagram's Graph, for accounts linked with Instagram Login. */
  private final GraphPublishingClient instagramGraph;
  /** Facebook's Graph, for accounts linked through a Facebook Page (Instagram API with Facebook Login). */
  private final GraphPublishingClient facebookGraph;
  private final Supplier<URI> baseUrl;
  /** Images waiting for Instagram to download them, by their unguessable name. */
  private final Map<String, byte[]> media = new ConcurrentHashMap<>();

  InstagramPosting(WorkspaceGuard guard, Faults faults, URI instagramGraphUrl, URI facebookGraphUrl,
                   Supplier<URI> baseUrl) {
    this.guard = guard;
    this.faults = faults;
    this.instagramGraph = new GraphPublishingClient(instagramGraphUrl, "Instagram");
    this.facebookGraph = new GraphPublishingClient(facebookGraphUrl, "Facebook");
    this.baseUrl = baseUrl;
  }

  void configure(JavalinConfig config) {
    config.routes.get("/post", this::page);
    config.routes.post("/api/post", this::post);
    config.routes.get("/media/{name}", this::serve);
  }

  private void page(Context ctx) {
    Workspace workspace = guard.workspace(ctx);
    if (workspace == null) {
      ctx.redirect("/signin", HttpStatus.SEE_OTHER);
      return;
    }
    LinkedInstagram ig = workspace.instagram;
    ctx.html(Views.page("post", "Post to Instagram", workspace,
        new PostView(ig != null, ig == null ? null : ig.username(), workspace.csrfToken, ImageRules.MIN_WIDTH)));
  }

  /** post.mustache: whether an account is linked and its name, the form's token, the width rule. */
  record PostView(boolean linked, String username, String csrf, int minWidth) {}

  private void post(Context ctx) {
    Workspace workspace = guard.workspace(ctx);
    // the form is read before anything is answered, whoever sent it: a server that answers a request whose body it
    // has not read drops the connection, and the client may see a reset where this answer should be
    String csrf = ctx.formParam("csrf");
    String caption = workspace == null ? null : ctx.formParam("post");
    if (workspace == null || !Secrets.constantTimeEquals(workspace.csrfToken, String.valueOf(csrf))) {
      answer(ctx, HttpStatus.UNAUTHORIZED, AyrshareResponse.error(CODE_NOT_SIGNED_IN,
          "Sign in to the dashboard and post from its Post to Instagram page.", null));
      return;
    }
    LinkedInstagram ig = workspace.instagram;
    if (ig == null) {
      answer(ctx, HttpStatus.BAD_REQUEST, AyrshareResponse.error(AyrshareResponse.CODE_NOT_LINKED,
          "Instagram is not linked. Link it on the Social Accounts page, then post again.", caption));
      return;
    }
    byte[] bytes = upload(ctx.uploadedFile("media"));
    if (faults.active(Fault.REFUSED_IMAGE_STILL_UPLOADED) && bytes != null) {
      try { // the regression: Instagram gets the image before the rules have looked at it
        handOver(ig, bytes, caption);
      } catch (ProviderException ignored) {
        // what Instagram thought of it does not matter to this bug
      }
    }
    // the dimensions come from the file; anything the client says about them (width, height fields) is ignored
    ImageRules.Verdict verdict = ImageRules.check(bytes,
        faults.active(Fault.IMAGE_WIDTH_OFF_BY_ONE) ? ImageRules.MIN_WIDTH - 1 : ImageRules.MIN_WIDTH);
    if (faults.active(Fault.GIF_REFUSED) && verdict instanceof ImageRules.Accepted accepted && accepted.format().equals("GIF")) {
      verdict = new ImageRules.Refused(ImageRules.CODE_FORMAT, "GIF images can't be posted to Instagram. Save the image as a JPEG and try again.");
    }
    if (verdict instanceof ImageRules.Refused refused) {
      LOG.info("workspace {}: image refused ({}): {}", workspace.id, refused.code(), LogSafe.text(refused.message()));
      answer(ctx, HttpStatus.BAD_REQUEST, AyrshareResponse.error(refused.code(), refused.message(), caption));
      return;
    }
    ImageRules.Accepted image = (ImageRules.Accepted) verdict;
    try {
      String mediaId = handOver(ig, image.jpeg(), caption);
      LOG.info("workspace {}: posted a {}x{} {} to @{}", workspace.id, image.width(), image.height(), image.format(),
          LogSafe.text(ig.username()));
      answer(ctx, HttpStatus.OK, AyrshareResponse.success(mediaId, ig.username(), caption));
    } catch (ProviderException e) {
      LOG.warn("workspace {}: Instagram did not publish: {}", workspace.id, LogSafe.text(e.getMessage()));
      answer(ctx, HttpStatus.BAD_REQUEST, e.errorCode() == 190
          ? AyrshareResponse.error(AyrshareResponse.CODE_NOT_LINKED, "Instagram is not linked any more: its access for @"
              + ig.username() + " was revoked or has expired. Relink Instagram on the Social Accounts page, then post again.", caption)
          : AyrshareResponse.error(AyrshareResponse.CODE_PUBLISH_FAILED, "Instagram did not publish the image: " + e.getMessage(), caption));
    }
  }

  /**
   * Creates the container from a one-time URL for the image, then publishes it; the URL is gone afterwards. An account
   * linked through a Facebook Page is published to through Facebook's Graph with the Facebook token the link stored.
   */
  private String handOver(LinkedInstagram ig, byte[] jpeg, String caption) throws ProviderException {
    GraphPublishingClient graph = ig.viaInstagramLogin() ? instagramGraph : facebookGraph;
    String name = Secrets.random(32) + ".jpg";
    media.put(name, jpeg);
    try {
      String container = graph.createContainer(ig.userId(), ig.token(), URI.create(baseUrl.get() + "/media/" + name), caption);
      return graph.publish(ig.userId(), ig.token(), container);
    } finally {
      media.remove(name);
    }
  }

  private void serve(Context ctx) {
    byte[] image = media.get(ctx.pathParam("name"));
    if (image == null) {
      ctx.status(HttpStatus.NOT_FOUND).result("Not found");
      return;
    }
    ctx.header("Cache-Control", "no-store").contentType("image/jpeg").result(image);
  }

  private static byte[] upload(UploadedFile file) {
    if (file == null) {
      return null;
    }
    try (InputStream in = file.content()) {
      return in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }

  private static void answer(Context ctx, HttpStatus status, ObjectNode body) {
    ctx.status(status).contentType("application/json").result(body.toString());
  }
}
