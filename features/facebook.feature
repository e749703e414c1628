@facebook
Feature: Linking Instagram through Facebook (Facebook Page required)
  The guide's option 2, used when "Instagram Login" is off in Settings: clicking the Instagram icon pops up a
  Facebook sign-in (please be sure you allow pop-ups) while the dashboard stays behind. The first time, you
  authenticate through Facebook; click Edit Settings; check all the Instagram Business or Creator Accounts, Next;
  check all Facebook Pages, Next; turn all permissions to Yes, Done; then select the specific Instagram account to
  link. Be the admin of the Facebook Page and grant all permissions, or posting might fail.

  Background:
    Given I am signed in to the dashboard as a new user
    And my "Instagram Login" setting is off

  @smoke
  Scenario: A Business account links through its Facebook Page, in a pop-up
    Given my Facebook account is "dana.baker"
    When I click the Instagram icon on the Social Accounts page
    Then a Facebook sign-in pops up while the dashboard stays open behind it
    When I authenticate through Facebook
    And I click Edit Settings
    And I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next
    And I check all Facebook Pages and click Next
    And I turn all permissions to Yes and click Done
    And I select the specific Instagram account "brightside.bakery" to link
    Then my Social Accounts page is updated with my Instagram account "brightside.bakery", shown as a Business account via the Facebook Page "Brightside Bakery"

  Scenario: The "Instagram Login" setting chooses the flow: on links directly, off through a Facebook pop-up
    Given my Facebook account is "dana.baker"
    When "Instagram Login" is switched on in Settings
    And I click the Instagram icon on the Social Accounts page
    Then Instagram's own login opens in the dashboard's window, with no pop-up
    When "Instagram Login" is switched off in Settings
    And I click the Instagram icon on the Social Accounts page
    Then a Facebook sign-in pops up while the dashboard stays open behind it

  Scenario: Several Instagram accounts across my Pages: I select one, and only that one is linked
    Given my Facebook account is "sam.rivers"
    When I click the Instagram icon on the Social Accounts page
    And I authenticate through Facebook
    And I click Edit Settings
    And I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next
    And I check all Facebook Pages and click Next
    And I turn all permissions to Yes and click Done
    Then I am asked to select a specific Instagram account to link, one of:
      | @rivers.coffee |
      | @rivers.studio |
    When I select the specific Instagram account "rivers.studio" to link
    Then my Social Accounts page is updated with my Instagram account "rivers.studio", shown as a Creator account via the Facebook Page "Rivers Studio"
    And only "rivers.studio" is linked, not "rivers.coffee"

  Scenario: Having connected before, I skip the Facebook login ("skip to step 3")
    Given my Facebook account is "dana.baker"
    And I click the Instagram icon on the Social Accounts page
    And I authenticate through Facebook
    And I click Edit Settings
    And I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next
    And I check all Facebook Pages and click Next
    And I turn all permissions to Yes and click Done
    And I select the specific Instagram account "brightside.bakery" to link
    And I unlink my Instagram account
    When I click the Instagram icon on the Social Accounts page
    Then Facebook skips the login and greets me as someone who connected before
    When I click Edit Settings
    And I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next
    And I check all Facebook Pages and click Next
    And I turn all permissions to Yes and click Done
    And I select the specific Instagram account "brightside.bakery" to link
    Then my Social Accounts page is updated with my Instagram account "brightside.bakery", shown as a Business account via the Facebook Page "Brightside Bakery"

  @errors @popup-blocker
  Scenario: Pop-ups blocked by the browser: the dashboard says so, and continuing with a click links
    Given my Facebook account is "dana.baker"
    When I open a "Reconnect Instagram" link to the Social Accounts page
    Then the browser blocks the Facebook pop-up and the dashboard tells me to allow pop-ups for this site
    When I click Continue with Facebook
    Then a Facebook sign-in pops up while the dashboard stays open behind it
    When I authenticate through Facebook
    And I click Edit Settings
    And I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next
    And I check all Facebook Pages and click Next
    And I turn all permissions to Yes and click Done
    And I select the specific Instagram account "brightside.bakery" to link
    Then my Social Accounts page is updated with my Instagram account "brightside.bakery", shown as a Business account via the Facebook Page "Brightside Bakery"

  @errors
  Scenario: Closing the Facebook window before finishing leaves the dashboard ready to try again
    Given my Facebook account is "dana.baker"
    When I click the Instagram icon on the Social Accounts page
    And I authenticate through Facebook
    And I close the Facebook window before finishing
    Then the dashboard tells me the Facebook window was closed and nothing was linked
    And the Instagram icon opens the Facebook sign-in again

  @errors
  Scenario: Cancelling on Facebook links nothing
    Given my Facebook account is "dana.baker"
    When I click the Instagram icon on the Social Accounts page
    And I authenticate through Facebook
    And I click Cancel on Facebook
    Then I am told that I cancelled on Facebook and nothing was linked

  @errors
  Scenario: Declined permissions are named, posting is said to fail, and asking again links
    Given my Facebook account is "dana.baker"
    When I click the Instagram icon on the Social Accounts page
    And I authenticate through Facebook
    And I click Edit Settings
    And I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next
    And I check all Facebook Pages and click Next
    And I turn "Create and publish content on the Instagram account connected to your Page" and "Show a list of the Pages you manage" to No, the other permissions to Yes, and click Done
    Then the dashboard names the permissions "Create and publish content on the Instagram account connected to your Page" and "Show a list of the Pages you manage" that I declined and warns that posting would fail
    When I ask again for the missing permissions
    Then Facebook asks me again for the permissions I declined, without asking me to log in
    When I click Edit Settings
    And I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next
    And I check all Facebook Pages and click Next
    And I turn all permissions to Yes and click Done
    And I select the specific Instagram account "brightside.bakery" to link
    Then my Social Accounts page is updated with my Instagram account "brightside.bakery", shown as a Business account via the Facebook Page "Brightside Bakery"

  @errors
  Scenario: A Page with no Instagram account connected: the guide's "Connect a Facebook Page to Instagram"
    Given my Facebook account is "nora.garden"
    When I click the Instagram icon on the Social Accounts page
    And I authenticate through Facebook
    And I click Edit Settings
    And I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next
    And I check all Facebook Pages and click Next
    And I turn all permissions to Yes and click Done
    Then I am told that no Instagram account is connected to my Facebook Page "Nora's Garden"
    And I am shown how to connect a Facebook Page to Instagram

  @errors
  Scenario: Not an admin of the Page: the error names the Page
    Given my Facebook account is "eli.analyst"
    When I click the Instagram icon on the Social Accounts page
    And I authenticate through Facebook
    And I click Edit Settings
    And I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next
    And I check all Facebook Pages and click Next
    And I turn all permissions to Yes and click Done
    Then I am told that I am not an admin of the Facebook Page "Harbor News"

  @errors
  Scenario: A Facebook account with no Pages at all cannot link Instagram
    Given my Facebook account is "pat.personal"
    When I click the Instagram icon on the Social Accounts page
    And I authenticate through Facebook
    And I click Edit Settings
    And I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next
    And I check all Facebook Pages and click Next
    And I turn all permissions to Yes and click Done
    Then I am told that personal Facebook accounts are not supported and I need a Facebook Page

  @errors @security
  Scenario: An answer that does not carry the dashboard's state is refused
    Given my Facebook account is "dana.baker"
    When I click the Instagram icon on the Social Accounts page
    And I authenticate through Facebook
    And I click Edit Settings
    And I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next
    And I check all Facebook Pages and click Next
    And Facebook's answer comes back to the pop-up with a state the dashboard did not send
    Then the dashboard refuses Facebook's answer and nothing is linked

  @errors @security
  Scenario: Only the dashboard's own callback can finish the link: a message from another origin, or of another shape, is ignored
    Given my Facebook account is "dana.baker"
    When I click the Instagram icon on the Social Accounts page
    And a page from another origin, loaded in the Facebook window, tells the dashboard that the login finished
    And a page on the dashboard's host name but another port, loaded in the Facebook window, tells the dashboard that the login finished
    And a page of the dashboard's own origin sends it messages that are not the callback's
    Then the dashboard ignores the messages: it still waits for Facebook and nothing is linked

  @errors @security
  Scenario: Only an account Facebook offered can be linked: a choice changed in the page is refused
    Given Facebook has offered me the Instagram accounts behind the Pages of my Facebook account "dana.baker"
    When I select the Instagram account "rivers.studio" of another Facebook user, by changing the choice in the page
    Then I am told that the account was not among those Facebook offered, and nothing is linked

  @security
  Scenario: Names Facebook sends are shown as text, and none of them runs as code
    Given my Facebook account is "mo.markup"
    When I click the Instagram icon on the Social Accounts page
    And I authenticate through Facebook
    And I click Edit Settings
    And I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next
    And I check all Facebook Pages and click Next
    And I turn all permissions to Yes and click Done
    Then I am asked to select a specific Instagram account to link, one of:
      | @<b>mo</b>&amp;jo's.bakes |
    When I select the specific Instagram account "<b>mo</b>&amp;jo's.bakes" to link
    Then my Social Accounts page is updated with my Instagram account "<b>mo</b>&amp;jo's.bakes", shown as a Business account via the Facebook Page "<img src=x onerror=window.__pwned=1>"
    When I post the image "square-1080.jpg" with the caption "Names are text"
    Then the page confirms that the image was posted to my Instagram
    And none of the names ran as code on any page

  Scenario: Relinking an account linked through its Facebook Page goes through Facebook again and keeps one entry
    Given my Instagram account "brightside.bakery" is linked through the Facebook Page of my Facebook account "dana.baker"
    When I click Relink on my Instagram account
    Then Facebook skips the login and greets me as someone who connected before
    When I click Edit Settings
    And I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next
    And I check all Facebook Pages and click Next
    And I turn all permissions to Yes and click Done
    And I select the specific Instagram account "brightside.bakery" to link
    Then I am told that my Instagram account was relinked
    And my Social Accounts page shows my Instagram account linked once, as a Business account
