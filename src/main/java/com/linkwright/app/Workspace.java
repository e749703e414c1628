package com.linkwright.app;

import java.time.Instant;
import java.util.List;

/** One dashboard user and what they linked. Lives only in memory: every scenario signs up a fresh one. */
final class Workspace {
  final String id;
  final String name;
  final String csrfToken;
  volatile boolean instagramLogin = true;
  volatile LinkedInstagram instagram;
  /** The Instagram authorization under way (InstagramLinking). */
  volatile PendingLink instagramPending;
  volatile Notice notice;
  // linking through Facebook (FacebookLinking): the dialog under way, what it offered, whether to ask again
  volatile PendingLink facebookPending;
  volatile FacebookAccountChoice.Offer facebookOffer;
  volatile boolean facebookAskAgain;

  Workspace(String id, String name, String csrfToken) {
    this.id = id;
    this.name = name;
    this.csrfToken = csrfToken;
  }

  /** The notice to show on the next page, which shows it once. */
  Notice takeNotice() {
    Notice shown = notice;
    notice = null;
    return shown;
  }

  /**
   * The linked account. The token stays here, on the server; toString leaves it out. {@code viaFacebookPage} names
   * the Page it was linked through, or is null when it was linked with Instagram Login (an Instagram user token).
   */
  record LinkedInstagram(String userId, String username, String accountType, List<String> granted, List<String> missing,
                         String token, String viaFacebookPage) {
    boolean viaInstagramLogin() {
      return viaFacebookPage == null;
    }

    @Override
    public String toString() {
      return "LinkedInstagram[@" + username + ", " + accountType + ", granted=" + granted + "]";
    }
  }

  /** An authorization under way: the state sent to the provider, which the callback must bring back. */
  record PendingLink(String state, Instant startedAt) {
    @Override
    public String toString() {
      return "PendingLink[startedAt=" + startedAt + "]";
    }
  }

  enum Tone { SUCCESS, WARNING, ERROR }

  /** A message shown once at the top of the next page. */
  record Notice(Tone tone, String title, String text, List<NoticeStep> steps) {
    Notice {
      steps = List.copyOf(steps);
    }

    static Notice success(String title, String text) {
      return new Notice(Tone.SUCCESS, title, text, List.of());
    }

    static Notice error(String title, String text) {
      return new Notice(Tone.ERROR, title, text, List.of());
    }
  }
}
