package com.linkwright.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class GrantStoreTest {
  private static final RegisteredApp APP = new RegisteredApp("App", "1", "s", URI.create("http://localhost:1/cb"));
  private static final RegisteredApp OTHER = new RegisteredApp("Other", "2", "t", URI.create("http://localhost:2/cb"));

  private record Granted(RegisteredApp app, String redirectUri, String who) implements GrantStore.Grant {}

  private final GrantStore<Granted> store = new GrantStore<>();

  @Test
  void aCodeIsRedeemedOnceAndOnlyByItsApp() {
    Granted grant = new Granted(APP, "http://localhost:1/cb", "ada");
    String code = store.issueCode(grant);
    assertThat(store.redeem(code, APP)).isSameAs(grant);
    assertThat(store.redeem(code, APP)).as("a second time").isNull();
    String next = store.issueCode(grant);
    assertThat(store.redeem(next, OTHER)).as("another app").isNull();
    assertThat(store.redeem(next, APP)).as("spent by the other app's try").isNull();
    assertThat(store.redeem(null, APP)).isNull();
    assertThat(store.redeem("AQmade-up", APP)).isNull();
  }

  @Test
  void aTokenReachesOnlyItsOwnGrant() {
    Granted ada = new Granted(APP, "http://localhost:1/cb", "ada");
    Granted bo = new Granted(APP, "http://localhost:1/cb", "bo");
    String adasToken = store.issueToken("IGAA", 48, ada);
    String bosToken = store.issueToken("IGAA", 48, bo);
    assertThat(adasToken).startsWith("IGAA").isNotEqualTo(bosToken);
    assertThat(store.grantOf(adasToken)).isSameAs(ada);
    assertThat(store.grantOf(bosToken)).isSameAs(bo);
    assertThat(store.grantOf(adasToken)).as("still there: a token is not one-time").isSameAs(ada);
    assertThat(store.grantOf(null)).isNull();
    assertThat(store.grantOf(adasToken + "x")).isNull();
    assertThat(store.redeem(adasToken, APP)).as("a token is no code").isNull();
  }

  @Test
  void codesAreShapedLikeMetasAndNeverTheSame() {
    Granted grant = new Granted(APP, "http://localhost:1/cb", "ada");
    String one = store.issueCode(grant);
    String two = store.issueCode(grant);
    assertThat(one).startsWith("AQ").hasSizeGreaterThan(100).matches("[A-Za-z0-9]+").isNotEqualTo(two);
  }
}
