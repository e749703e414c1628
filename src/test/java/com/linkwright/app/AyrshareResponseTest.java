package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AyrshareResponseTest {

  @Test
  void anErrorHasAyrsharesShape() {
    JsonNode body = AyrshareResponse.error(364, "The image is 1079 pixels wide.", "My caption");
    assertThat(names(body)).containsExactly("status", "errors", "postIds", "id");
    assertThat(body.get("status").asText()).isEqualTo("error");
    assertThat(body.get("errors")).hasSize(1);
    JsonNode error = body.get("errors").get(0);
    assertThat(names(error)).containsExactly("action", "status", "code", "message", "post", "platform");
    assertThat(error.get("action").asText()).isEqualTo("post");
    assertThat(error.get("status").asText()).isEqualTo("error");
    assertThat(error.get("code").isInt()).isTrue();
    assertThat(error.get("code").asInt()).isEqualTo(364);
    assertThat(error.get("message").asText()).isEqualTo("The image is 1079 pixels wide.");
    assertThat(error.get("post").asText()).isEqualTo("My caption");
    assertThat(error.get("platform").asText()).isEqualTo("instagram");
    assertThat(body.get("postIds")).isEmpty();
    assertThat(body.get("id").asText()).isNotBlank();
  }

  @Test
  void notLinkedIsAyrsharesCode156() {
    assertThat(AyrshareResponse.CODE_NOT_LINKED).isEqualTo(156);
    JsonNode error = AyrshareResponse.error(AyrshareResponse.CODE_NOT_LINKED, "Instagram is not linked.", null).get("errors").get(0);
    assertThat(error.get("code").asInt()).isEqualTo(156);
    assertThat(error.has("post")).as("no caption, no post field").isFalse();
  }

  @Test
  void aSuccessListsThePostedMedia() {
    JsonNode body = AyrshareResponse.success("17890000000000001", "brightside.bakery", "Hello");
    assertThat(body.get("status").asText()).isEqualTo("success");
    assertThat(body.get("errors")).isEmpty();
    JsonNode posted = body.get("postIds").get(0);
    assertThat(posted.get("status").asText()).isEqualTo("success");
    assertThat(posted.get("id").asText()).isEqualTo("17890000000000001");
    assertThat(posted.get("platform").asText()).isEqualTo("instagram");
  }

  @Test
  void anEmptyCaptionIsLeftOutOfAnErrorAndAMissingOneIsEmptyInASuccess() {
    assertThat(AyrshareResponse.error(364, "Too narrow.", "").get("errors").get(0).has("post")).isFalse();
    assertThat(AyrshareResponse.success("1789", "brightside.bakery", null).get("post").asText()).isEqualTo("");
    assertThat(AyrshareResponse.success("1789", "brightside.bakery", "Hello").get("post").asText()).isEqualTo("Hello");
    assertThat(AyrshareResponse.success("1789", "brightside.bakery", "Hello").at("/postIds/0/username").asText()).isEqualTo("brightside.bakery");
  }

  @Test
  void eachAnswerHasItsOwnId() {
    assertThat(AyrshareResponse.error(156, "x", null).get("id").asText())
        .isNotEqualTo(AyrshareResponse.error(156, "x", null).get("id").asText());
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
