package com.linkwright.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoRegistrationTest {
  @TempDir Path dir;

  @Test
  void theFixturesFileRegistersBothProducts() {
    DemoRegistration demo = DemoRegistration.demo();
    RegisteredApp instagram = demo.instagram(URI.create("http://localhost:7070/auth/instagram/callback"));
    RegisteredApp facebook = demo.facebook(URI.create("http://localhost:7070/auth/facebook/callback"));
    assertThat(instagram.clientId()).isEqualTo("990001112223334");
    assertThat(instagram.clientSecret()).isEqualTo("linkwright-demo-secret");
    assertThat(facebook.clientId()).isEqualTo("990001112225555");
    assertThat(facebook.clientSecret()).isEqualTo("linkwright-demo-secret");
    assertThat(instagram.name()).isEqualTo("Linkwright Dashboard");
    assertThat(facebook.redirectUri()).hasToString("http://localhost:7070/auth/facebook/callback");
  }

  @Test
  void aMissingFileSaysWhereItLookedAndWhatToDo() {
    assertThatThrownBy(() -> DemoRegistration.load(dir.resolve("nowhere.properties")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dir.resolve("nowhere.properties").toAbsolutePath().toString())
        .hasMessageContaining("--config FILE")
        .hasMessageContaining("facebook.app_secret");
  }

  @Test
  void aMissingOrBlankKeyIsNamed() throws IOException {
    Path file = dir.resolve("app.properties");
    Files.writeString(file, "instagram.client_id=1\ninstagram.client_secret=s\nfacebook.app_id=2\nfacebook.app_secret=  \n");
    assertThatThrownBy(() -> DemoRegistration.load(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("'facebook.app_secret'");
    Files.writeString(file, "instagram.client_secret=s\nfacebook.app_id=2\nfacebook.app_secret=t\n");
    assertThatThrownBy(() -> DemoRegistration.load(file)).hasMessageContaining("'instagram.client_id'");
  }

  @Test
  void valuesAreTrimmedAndSecretsStayOutOfItsText() throws IOException {
    Path file = dir.resolve("app.properties");
    Files.writeString(file, "instagram.client_id= 11 \ninstagram.client_secret=top-secret\nfacebook.app_id=22\nfacebook.app_secret=other-secret\n");
    DemoRegistration registration = DemoRegistration.load(file);
    assertThat(registration.instagramClientId()).isEqualTo("11");
    assertThat(registration.toString()).contains("11", "22").doesNotContain("top-secret", "other-secret");
  }
}
