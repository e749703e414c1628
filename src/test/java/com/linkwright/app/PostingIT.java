package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linkwright.stubs.FacebookPersona;
import com.linkwright.stubs.InstagramPersona;
import com.linkwright.stubs.ProviderStubs.Received;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /api/post over HTTP against the running app and the stubbed providers: who may post, what is refused (with
 * Ayrshare's shape and nothing sent to Instagram), what goes out, and how Graph's refusals come back.
 */
class PostingIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BOUNDARY = "linkwright-test-boundary";
  private static AppUnderTest app;
  private Visitor me;
  private ProviderScreens screens;

  @BeforeAll
  static void start() {
    app = AppUnderTest.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void signIn() {
    me = app.visitor();
    me.signIn("Poster");
    screens = new ProviderScreens(app, me);
  }

  private InstagramPersona linkedBakery() {
    InstagramPersona bakery = app.stubs.instagramPersonas().issueCopy("brightside.bakery");
    assertThat(screens.linkInstagram(bakery).body()).contains("is now linked");
    return bakery;
  }

  // --- who may post

  @Test
  void aVisitorWhoIsNotSignedInCannotPost() throws IOException {
    HttpResponse<String> answer = upload(app.visitor(), "whatever", "Hello", jpeg(1080, 1080));
    assertError(answer, 401, 360, "Sign in to the dashboard and post from its Post to Instagram page.");
  }

  @Test
  void aVisitorWhoIsNotSignedInGetsTheAnswerEvenForALargeImage() throws IOException {
    // the app must read what it refuses: a server that answers before the body is read drops the connection, and the
    // client may get a reset instead of this answer (seen once in ./mvnw verify)
    byte[] image = jpeg(3000, 3000);
    for (int i = 0; i < 30; i++) {
      assertError(upload(app.visitor(), "whatever", "Hello", image), 401, 360, "Sign in to the dashboard");
    }
  }

  @Test
  void aPostWithoutThisWorkspacesTokenIsRefused() throws IOException {
    linkedBakery();
    assertError(upload(me, screens.csrf() + "x", "Hello", jpeg(1080, 1080)), 401, 360, "Sign in to the dashboard");
    assertError(upload(me, screens.csrf().substring(1), "Hello", jpeg(1080, 1080)), 401, 360, "Sign in to the dashboard");
    String prefix = screens.csrf().substring(0, screens.csrf().length() - 1);
    assertError(upload(me, prefix, "Hello", jpeg(1080, 1080)), 401, 360, "Sign in to the dashboard");
  }

  @Test
  void withNothingLinkedThePostIsRefusedAsNotLinked() throws IOException {
    JsonNode error = assertError(upload(me, screens.csrf(), "My caption", jpeg(1080, 1080)), 400, 156,
        "Instagram is not linked. Link it on the Social Accounts page, then post again.");
    assertThat(error.get("post").asText()).isEqualTo("My caption");
  }

  // --- the image rules, on the server, before anything goes out

  @Test
  void aFittingImageIsPublishedWithItsCaptionAndTheImageUrlDiesAfterwards() throws IOException {
    Instant since = Instant.now();
    InstagramPersona bakery = linkedBakery();
    HttpResponse<String> answer = upload(me, screens.csrf(), "Fresh bread", jpeg(1080, 1080));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("status").asText()).isEqualTo("success");
    assertThat(body.get("errors")).isEmpty();
    assertThat(body.get("post").asText()).isEqualTo("Fresh bread");
    JsonNode posted = body.get("postIds").get(0);
    assertThat(posted.get("username").asText()).isEqualTo("brightside.bakery");
    assertThat(posted.get("id").asText()).matches("[0-9]{17}");

    List<Received> containers = app.stubs.instagramReceived(since, "POST", "/" + bakery.userId() + "/media");
    assertThat(containers).singleElement().satisfies(r -> assertThat(r.body()).contains("caption=Fresh+bread"));
    String containerId = JSON.readTree(containers.get(0).answer()).get("id").asText();
    assertThat(app.stubs.instagramReceived(since, "POST", "/" + bakery.userId() + "/media_publish"))
        .singleElement().satisfies(r -> assertThat(r.body()).isEqualTo("creation_id=" + containerId));
    String imageUrl = URLDecoder.decode(containers.get(0).body().replaceAll(".*image_url=([^&]+).*", "$1"), StandardCharsets.UTF_8);
    assertThat(imageUrl).startsWith(app.baseUrl() + "/media/");
    HttpResponse<String> gone = app.visitor().get(imageUrl);
    assertThat(gone.statusCode()).as("the image's URL lives only while Instagram fetches it").isEqualTo(404);
  }

  @Test
  void anImageOnePixelTooNarrowIsRefusedAndNothingGoesToInstagram() throws IOException {
    Instant since = Instant.now();
    InstagramPersona bakery = linkedBakery();
    JsonNode error = assertError(upload(me, screens.csrf(), "Narrow", jpeg(1079, 1079)), 400, 364,
        "The image is 1079 pixels wide. Instagram needs images at least 1080 pixels wide.");
    assertThat(error.get("post").asText()).isEqualTo("Narrow");
    assertThat(app.stubs.instagramReceived(since, "POST", "/" + bakery.userId() + "/media")).isEmpty();
  }

  @Test
  void widthTheBrowserClaimsIsIgnored() throws IOException {
    linkedBakery();
    byte[] body = multipart(screens.csrf(), "Claims", jpeg(1079, 1079), "width", "1080", "height", "1080");
    assertError(me.postBytes("/api/post", "multipart/form-data; boundary=" + BOUNDARY, body), 400, 364, "1079 pixels wide");
  }

  @Test
  void eightMegabytesExactlyArePublishedOneByteMoreIsRefusedByTheRuleNotTheServer() throws IOException {
    linkedBakery();
    byte[] jpeg = jpeg(1080, 1080);
    HttpResponse<String> exactly = upload(me, screens.csrf(), "Eight", java.util.Arrays.copyOf(jpeg, 8 * 1024 * 1024));
    assertThat(exactly.statusCode()).as(exactly.body()).isEqualTo(200);
    assertError(upload(me, screens.csrf(), "Over", java.util.Arrays.copyOf(jpeg, 8 * 1024 * 1024 + 1)), 400, 361,
        "Instagram takes images up to 8 MB");
  }

  @Test
  void aPngIsPublishedAsAJpeg() throws IOException {
    linkedBakery();
    HttpResponse<String> answer = upload(me, screens.csrf(), "Png", image(1080, 1350, "png"));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  @Test
  void anUploadWithoutAnImageIsRefused() throws IOException {
    linkedBakery();
    byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + screens.csrf() + "\r\n--" + BOUNDARY + "--\r\n")
        .getBytes(StandardCharsets.UTF_8);
    assertError(me.postBytes("/api/post", "multipart/form-data; boundary=" + BOUNDARY, body), 400, 363, "No image was received");
  }

  // --- Graph's refusals

  @Test
  void aRevokedTokenIsNotLinkedAnyMore() throws IOException {
    InstagramPersona bakery = linkedBakery();
    app.stubs.instagramPersonas().state(bakery).revokeAccess();
    assertError(upload(me, screens.csrf(), "After revoke", jpeg(1080, 1080)), 400, 156,
        "Instagram is not linked any more: its access for @brightside.bakery was revoked or has expired. Relink Instagram on the Social Accounts page, then post again.");
  }

  @Test
  void anotherGraphRefusalIsShownInGraphsWords() throws IOException {
    InstagramPersona bakery = app.stubs.instagramPersonas().issueCopy("brightside.bakery");
    me.follow(screens.instagramRedirectBack(bakery, List.of("instagram_business_basic")));
    JsonNode error = assertError(upload(me, screens.csrf(), "No permission", jpeg(1080, 1080)), 400, 366,
        "Instagram did not publish the image: Application does not have permission for this action (code 10)");
    assertThat(error.get("message").asText()).doesNotContain("not linked");
  }

  @Test
  void anAccountLinkedThroughAFacebookPageIsPublishedToThroughFacebook() throws IOException {
    Instant since = Instant.now();
    FacebookPersona dana = app.stubs.facebookPersonas().issueCopy("dana.baker");
    screens.linkThroughFacebook(dana, "17841400000000101");
    HttpResponse<String> answer = upload(me, screens.csrf(), "Via the Page", jpeg(1080, 1080));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(JSON.readTree(answer.body()).at("/postIds/0/username").asText()).isEqualTo("brightside.bakery");
    assertThat(app.stubs.facebookReceived(since, "POST", "/17841400000000101/media", dana.userId()))
        .singleElement().satisfies(r -> assertThat(r.body()).contains("caption=Via+the+Page"));
    assertThat(app.stubs.instagramReceived(since, "POST", "/17841400000000101/media")).isEmpty();
  }

  // --- the page

  @Test
  void thePostPageNamesTheAccountOrSaysNoneIsLinked() {
    assertThat(Visitor.location(app.visitor().get("/post"))).isEqualTo("/signin");
    assertThat(me.get("/post").body()).contains("No Instagram account is linked yet.").doesNotContain("Posting to @");
    linkedBakery();
    assertThat(me.get("/post").body()).contains("Posting to <strong class=\"handle\">@brightside.bakery</strong>",
        "at least 1080 pixels wide").doesNotContain("No Instagram account is linked yet.");
  }

  @Test
  void anImageNameThatWasNeverHandedOutIsNotFound() {
    HttpResponse<String> answer = app.visitor().get("/media/nothing-here.jpg");
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).isEqualTo("Not found");
  }

  // --- helpers

  private static JsonNode assertError(HttpResponse<String> answer, int status, int code, String message) throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("status").asText()).isEqualTo("error");
    assertThat(body.get("postIds")).isEmpty();
    JsonNode error = body.get("errors").get(0);
    assertThat(error.get("code").asInt()).isEqualTo(code);
    assertThat(error.get("message").asText()).contains(message);
    assertThat(error.get("platform").asText()).isEqualTo("instagram");
    return error;
  }

  private static HttpResponse<String> upload(Visitor visitor, String csrf, String caption, byte[] image) {
    return visitor.postBytes("/api/post", "multipart/form-data; boundary=" + BOUNDARY, multipart(csrf, caption, image));
  }

  private static byte[] multipart(String csrf, String caption, byte[] image, String... moreFields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String[] fields = new String[4 + moreFields.length];
    fields[0] = "csrf";
    fields[1] = csrf;
    fields[2] = "post";
    fields[3] = caption;
    System.arraycopy(moreFields, 0, fields, 4, moreFields.length);
    for (int i = 0; i < fields.length; i += 2) {
      out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n" + fields[i + 1] + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"image\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(image);
    out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] jpeg(int width, int height) throws IOException {
    return image(width, height, "jpg");
  }

  private static byte[] image(int width, int height, String format) throws IOException {
    return ImageRulesTest.image(width, height, format);
  }
}
