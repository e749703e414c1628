package com.linkwright.steps;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linkwright.flows.dashboard.DashboardShortcuts;
import com.linkwright.flows.meta.StubbedMeta;
import com.linkwright.harness.BrowserSession;
import com.linkwright.harness.TestImages;
import com.linkwright.pages.dashboard.PostToInstagramPage;
import com.linkwright.stubs.ProviderStubs.Received;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Response;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Posting an image to the linked Instagram account, and what Instagram (the stub) received. */
public class PostingSteps {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BrowserSession session;
  private final ScenarioState state;
  private final StubbedMeta meta;
  private final PostToInstagramPage postPage;
  private int answerStatus;
  private String answerBody;

  public PostingSteps(BrowserSession session, ScenarioState state, StubbedMeta meta) {
    this.session = session;
    this.state = state;
    this.meta = meta;
    this.postPage = new PostToInstagramPage(session.page());
  }

  @When("I post the image {string} with the caption {string}")
  public void postImage(String image, String caption) {
    Path file = TestImages.path(image);
    Response answer = postPage.open().post(file, caption);
    answerStatus = answer.status();
    answerBody = answer.text();
  }

  @When("the browser posts the image {string} to the dashboard's API, claiming it is {int} × {int} pixels")
  public void postClaimingSize(String image, int width, int height) {
    Path file = TestImages.path(image);
    String token = postPage.open().formToken();
    APIResponse answer = DashboardShortcuts.of(session).postToApi(token, file, "Size claimed by the browser", width, height);
    answerStatus = answer.status();
    answerBody = answer.text();
  }

  @Then("the page confirms that the image was posted to my Instagram")
  public void pageConfirmsPosted() {
    assertThat(postPage.outcome()).containsText("Posted to Instagram");
    assertThat(postPage.outcome()).containsText("Your image is on @" + state.postingTo() + "'s Instagram");
    session.attachScreenshot("Posted to Instagram");
    JsonNode body = answer();
    assertThat(answerStatus).as("HTTP status of POST /api/post; body %s", answerBody).isEqualTo(200);
    assertThat(body.path("status").asText()).isEqualTo("success");
    assertThat(body.path("postIds").get(0).path("platform").asText()).isEqualTo("instagram");
  }

  @Then("Instagram received one media container with the caption {string} and published it")
  public void instagramReceivedAndPublished(String caption) {
    receivedAndPublished("Instagram", this::received, caption);
  }

  @Then("Facebook received one media container with the caption {string} and published it")
  public void facebookReceivedAndPublished(String caption) {
    receivedAndPublished("Facebook", this::facebookReceived, caption);
  }

  private void receivedAndPublished(String provider, Function<String, List<Received>> received, String caption) {
    List<Received> containers = received.apply("/media");
    assertThat(containers).as("POST /{ig-user-id}/media received by the stubbed " + provider).hasSize(1);
    Map<String, String> form = form(containers.get(0).body());
    assertThat(form.get("caption")).isEqualTo(caption);
    assertThat(form.get("image_url")).as("image_url: served by the dashboard under an unguessable name")
        .matches(java.util.regex.Pattern.quote(session.harness().appUrl + "/media/") + "[A-Za-z0-9_-]{40,}\\.jpg");
    String containerId = json(containers.get(0).answer()).path("id").asText();
    List<Received> published = received.apply("/media_publish");
    assertThat(published).as("POST /{ig-user-id}/media_publish received by the stubbed " + provider).hasSize(1);
    assertThat(form(published.get(0).body()).get("creation_id")).isEqualTo(containerId);
    String mediaId = json(published.get(0).answer()).path("id").asText();
    assertThat(answer().path("postIds").get(0).path("id").asText()).as("the media id the dashboard reports").isEqualTo(mediaId);
  }

  @Then("the dashboard answers with Ayrshare's error {int} saying {string}")
  public void answersWithAyrshareError(int code, String says) {
    JsonNode body = answer();
    assertThat(answerStatus).as("HTTP status of POST /api/post; body %s", answerBody).isEqualTo(400);
    assertThat(body.path("status").asText()).as("top-level status in %s", answerBody).isEqualTo("error");
    assertThat(body.path("errors")).as("errors[] in %s", answerBody).hasSize(1);
    JsonNode error = body.path("errors").get(0);
    assertThat(error.path("action").asText()).isEqualTo("post");
    assertThat(error.path("status").asText()).isEqualTo("error");
    assertThat(error.path("code").isInt()).as("code is a number in %s", answerBody).isTrue();
    assertThat(error.path("code").asInt()).isEqualTo(code);
    assertThat(error.path("message").asText()).contains(says);
    assertThat(error.path("platform").asText()).isEqualTo("instagram");
  }

  @Then("the page tells me the image was not posted because {string}")
  public void pageSaysNotPosted(String says) {
    assertThat(postPage.outcome()).containsText("Not posted");
    assertThat(postPage.outcome()).containsText(says);
    session.attachScreenshot("Not posted: the reason");
  }

  @Then("nothing was sent to Instagram")
  public void nothingSentToInstagram() {
    assertThat(received("/media")).as("containers created for this account (POST /{ig-user-id}/media)").isEmpty();
    assertThat(received("/media_publish")).as("publish calls for this account").isEmpty();
  }

  @Then("nothing was sent to Facebook")
  public void nothingSentToFacebook() {
    assertThat(facebookReceived("/media")).as("containers created through Facebook (POST /{ig-user-id}/media)").isEmpty();
    assertThat(facebookReceived("/media_publish")).as("publish calls through Facebook").isEmpty();
  }

  /** This scenario's calls to Facebook's Graph only: those authorized with its own Facebook user's token. */
  private List<Received> facebookReceived(String suffix) {
    if (state.linkedThroughFacebook() == null) {
      throw new IllegalStateException("No Instagram account linked through Facebook in this scenario: start it with "
          + "'Given my Instagram account \"<username>\" is linked through the Facebook Page of my Facebook account \"<persona>\"'");
    }
    return meta.facebookReceived(state.facebook(), state.linkedThroughFacebook(), suffix);
  }

  /** This scenario's calls only: the path carries its persona copy's own IG user id. */
  private List<Received> received(String suffix) {
    return meta.instagramReceived(state.instagram(), suffix);
  }

  private JsonNode answer() {
    if (answerBody == null) {
      throw new IllegalStateException("Nothing was posted yet in this scenario");
    }
    return json(answerBody);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + text, e);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
