package com.linkwright.app;

import static com.linkwright.app.NoticeStep.link;
import static com.linkwright.app.NoticeStep.strong;
import static com.linkwright.app.NoticeStep.text;

import java.util.List;

/**
 * The linking guide's own instructions, shown as the "how to fix it" steps of a notice
 * (https://www.ayrshare.com/docs/dashboard/connect-social-accounts/instagram), in its words.
 */
final class GuideText {
  private GuideText() {}

  /** The guide's way from a Personal account to a professional one (Instagram mobile app). */
  static final List<NoticeStep> SWITCH_TO_PROFESSIONAL = List.of(
      NoticeStep.of(text("Open the Instagram mobile app, go to your profile and tap the menu icon ≡ in the upper right corner to go to the "),
          strong("Settings and activity"), text(" page.")),
      NoticeStep.of(text("Scroll down to the "), strong("For professionals"), text(" section.")),
      NoticeStep.of(text("Click "), strong("Account type and tools"), text(".")),
      NoticeStep.of(text("Tap "), strong("Switch to professional account"), text(".")),
      NoticeStep.of(text("Go through the steps to set up your account and select "), strong("Creator"), text(" or "),
          strong("Business"), text(".")),
      NoticeStep.of("Then link Instagram again from the Social Accounts page."));

  /** The guide's note, for a Business or Creator account that Instagram reports as something else. */
  static final NoticeStep RESET_TIP = NoticeStep.of(
      text("If you do have a Business or Creator account, try switching your Instagram back to "), strong("Personal"),
      text(" and then back to "), strong("Creator"), text(" or "), strong("Business"),
      text(". This often resets the account type and allows you to link it."));

  /** The guide's "Connect a Facebook Page to Instagram" check, shown when no chosen Page has an Instagram account. */
  static final List<NoticeStep> CONNECT_PAGE_TO_INSTAGRAM = List.of(
      NoticeStep.of(text("Log into Facebook on your desktop "), link("www.facebook.com", "https://www.facebook.com"), text(".")),
      NoticeStep.of("Navigate to one of your Facebook pages you are an admin. This will be the one you want to link with an Instagram account."),
      NoticeStep.of("On the left-hand panel under \"Manage Page\" click \"Settings\". It usually is at the bottom."),
      NoticeStep.of("Under Page Settings click \"Instagram\"."),
      NoticeStep.of("The top title will say \"Connected Instagram Account\" if one is connected. Otherwise you will be able to connect one."),
      NoticeStep.of("Then link Instagram again from the Social Accounts page, and check that Page on Facebook."));
}
