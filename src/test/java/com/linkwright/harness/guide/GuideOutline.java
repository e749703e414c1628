package com.linkwright.harness.guide;

import java.util.List;

/**
 * The shape of the living guide: Ayrshare's "Instagram Linking" guide
 * (https://www.ayrshare.com/docs/dashboard/connect-social-accounts/instagram), step by step in its own order and
 * words, and for each step the scenario, the Gherkin step and the screenshot (named after the guide's step) that show
 * it live. Then the failures the guide warns about. The pictures come from the run; this only says where to look.
 */
public record GuideOutline(String title, List<Section> sections) {

  public static final String GUIDE_URL = "https://www.ayrshare.com/docs/dashboard/connect-social-accounts/instagram";

  /** A part of the guide: a flow (numbered steps) or the failures it warns about. */
  public record Section(String title, String anchor, String intro, boolean numbered, List<Entry> entries) {}

  /** One documented step (or warned failure), with the live screens that show it. */
  public record Entry(String title, String guideSays, List<Shot> shots) {}

  /**
   * Where a screen comes from: the screenshot {@code screenshot} attached at the Gherkin step {@code step} (its text,
   * without the keyword) of the scenario {@code scenario} in {@code feature} (a file name under features/).
   */
  public record Shot(String feature, String scenario, String step, String screenshot) {}

  private static final String DIRECT = "A Business account links directly";
  private static final String THROUGH_FACEBOOK = "A Business account links through its Facebook Page, in a pop-up";

  public static final GuideOutline GUIDE = new GuideOutline("Instagram Linking", List.of(
      new Section("Linking Instagram Directly", "linking-instagram-directly",
          "The guide's option 1, the default: the dashboard sends you to Instagram's own login.", true, List.of(
          new Entry("Click To Link Instagram", "Click the Instagram icon on the Social Accounts page.", List.of(
              new Shot("direct.feature", DIRECT, "I click the Instagram icon on the Social Accounts page", "Click To Link Instagram"))),
          new Entry("Instagram Login", "Input your credentials and click Log in.", List.of(
              new Shot("direct.feature", DIRECT, "I input my credentials and click Log in", "Instagram Login"))),
          new Entry("Instagram Permissions", "Toggle on all permissions for Instagram and click Allow.", List.of(
              new Shot("direct.feature", DIRECT, "I toggle on all permissions for Instagram and click Allow", "Instagram Permissions"))),
          new Entry("Confirmation", "Your Social Accounts page will now be updated with your Instagram account.", List.of(
              new Shot("direct.feature", DIRECT,
                  "my Social Accounts page is updated with my Instagram account, shown as a Business account", "Confirmation"))))),
      new Section("Linking Instagram through Facebook (Facebook Page required)",
          "linking-instagram-through-facebook-facebook-page-required",
          "The guide's option 2, with Instagram Login off in Settings: a Facebook sign-in pops up over the dashboard "
              + "(please be sure you allow pop-ups).", true, List.of(
          new Entry("Click To Link Instagram", "Click the Instagram icon on the Social Accounts page.", List.of(
              new Shot("facebook.feature", THROUGH_FACEBOOK, "I click the Instagram icon on the Social Accounts page",
                  "Click To Link Instagram"))),
          new Entry("First Time Instagram Linking",
              "The first time you link Instagram, you will be asked to authenticate through Facebook.", List.of(
              new Shot("facebook.feature", THROUGH_FACEBOOK, "I authenticate through Facebook", "First Time Instagram Linking"))),
          new Entry("Edit Instagram Settings", "Click Edit Settings during the initial set up.", List.of(
              new Shot("facebook.feature", THROUGH_FACEBOOK, "I click Edit Settings", "Edit Instagram Settings"))),
          new Entry("Authorize Instagram Business or Creator Accounts",
              "Check all the Instagram Business Accounts or Instagram Creator Accounts. Click Next.", List.of(
              new Shot("facebook.feature", THROUGH_FACEBOOK,
                  "I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next",
                  "Authorize Instagram Business or Creator Accounts"))),
          new Entry("Select Facebook Pages", "Check all Facebook Pages. Click Next.", List.of(
              new Shot("facebook.feature", THROUGH_FACEBOOK, "I check all Facebook Pages and click Next", "Select Facebook Pages"))),
          new Entry("Enable Permissions", "Turn all permissions to Yes. Click Done. You will then be asked to select a "
              + "specific Instagram account to link.", List.of(
              new Shot("facebook.feature", THROUGH_FACEBOOK, "I turn all permissions to Yes and click Done", "Enable Permissions"),
              new Shot("facebook.feature", THROUGH_FACEBOOK, "I select the specific Instagram account \"brightside.bakery\" to link",
                  "Select the Instagram account to link"))),
          new Entry("Confirmation", "Your Social Accounts page will now be updated with your Instagram account.", List.of(
              new Shot("facebook.feature", THROUGH_FACEBOOK, "my Social Accounts page is updated with my Instagram account "
                  + "\"brightside.bakery\", shown as a Business account via the Facebook Page \"Brightside Bakery\"",
                  "Confirmation"))))),
      new Section("What the guide warns about", "enabling-an-instagram-business-or-creator-account",
          "The failures the guide and its notes name, each as the dashboard shows it.", false, List.of(
          new Entry("Not a Business or Creator account",
              "Instagram requires that your account be an Instagram Business or Instagram Creator account: switch to a "
                  + "professional account in the Instagram app.", List.of(
              new Shot("direct.feature", "A Personal account is refused, with the way to switch to a professional account",
                  "I am shown how to switch from a Personal to a Business or Creator account",
                  "Switching from a Personal to Business or Creator Account"))),
          new Entry("A Business or Creator account reported as Personal",
              "Try switching your Instagram back to Personal and then back to Creator or Business.", List.of(
              new Shot("accounts.feature", "A Creator account reported as Personal links after switching to Personal and back",
                  "I am given the tip to switch my Instagram back to Personal and then back to Creator or Business",
                  "Account type reported stale: the guide's reset tip"))),
          new Entry("Pop-ups blocked", "A Facebook sign-in will pop-up: please be sure you allow pop-ups.", List.of(
              new Shot("facebook.feature", "Pop-ups blocked by the browser: the dashboard says so, and continuing with a click links",
                  "the browser blocks the Facebook pop-up and the dashboard tells me to allow pop-ups for this site",
                  "Pop-ups are blocked"))),
          new Entry("Not all permissions granted",
              "Grant all permissions to Pages, Instagram accounts, and selections. Failure to do so might prevent "
                  + "successful posting.", List.of(
              new Shot("facebook.feature", "Declined permissions are named, posting is said to fail, and asking again links",
                  "the dashboard names the permissions \"Create and publish content on the Instagram account connected to "
                      + "your Page\" and \"Show a list of the Pages you manage\" that I declined and warns that posting would fail", "Not all permissions granted"))),
          new Entry("A Facebook Page with no Instagram account", "Connect a Facebook Page to Instagram.", List.of(
              new Shot("facebook.feature",
                  "A Page with no Instagram account connected: the guide's \"Connect a Facebook Page to Instagram\"",
                  "I am shown how to connect a Facebook Page to Instagram", "Connect a Facebook Page to Instagram"))),
          new Entry("Not an admin of the Facebook Page", "Please be sure you are the admin of Facebook Page.", List.of(
              new Shot("facebook.feature", "Not an admin of the Page: the error names the Page",
                  "I am told that I am not an admin of the Facebook Page \"Harbor News\"", "Not an admin of the Facebook Page"))),
          new Entry("Images outside Instagram's rules", "Images must have a width of at least 1080 pixels with an aspect "
              + "ratio between 1.91:1 and 4:5. Ayrshare will detect if your image size is not correct and respond with "
              + "an error.", List.of(
              new Shot("media.feature", "An image outside the rules is refused, and nothing goes to Instagram: 1079 pixels wide",
                  "the page tells me the image was not posted because \"The image is 1079 pixels wide. Instagram needs "
                      + "images at least 1080\"", "Not posted: the reason"),
              new Shot("media.feature", "A fitting image is published to the linked Instagram account",
                  "the page confirms that the image was posted to my Instagram", "Posted to Instagram")))))));
}
