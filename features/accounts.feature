@accounts
Feature: Account types and relinking
  What the guide and its troubleshooting pages say can go wrong with an account that exists: Instagram reporting a
  stale account type, an authorization Instagram still holds ("400: Session Invalid"), a token revoked or expired
  later (Graph error 190), and linking the account that is already linked.

  Background:
    Given I am signed in to the dashboard as a new user

  @errors
  Scenario: A Creator account reported as Personal links after switching to Personal and back
    Given my Instagram account is "nora.resets"
    When I click the Instagram icon on the Social Accounts page
    And I input my credentials and click Log in
    And I toggle on all permissions for Instagram and click Allow
    Then I am told that Instagram reports my account as a Personal account, not a Business or Creator one
    And I am given the tip to switch my Instagram back to Personal and then back to Creator or Business
    And no Instagram account is linked
    When I switch my Instagram account to Personal and back to Creator
    And I link my Instagram account again
    Then my Social Accounts page is updated with my Instagram account, shown as a Creator account

  @errors
  Scenario: "400: Session Invalid" for an account that authorized the dashboard before: remove the app, then relink
    Given my Instagram account is "sam.returns"
    When I click the Instagram icon on the Social Accounts page
    And I input my credentials and click Log in
    And I toggle on all permissions for Instagram and click Allow
    Then I am told "400: Session Invalid" with the documented ways out
    When I remove "Linkwright Dashboard" under Apps and websites in my Instagram settings
    And I link my Instagram account again
    Then my Social Accounts page is updated with my Instagram account, shown as a Business account

  @errors
  Scenario: A token Instagram revoked shows the account as needing to be relinked, and relinking works
    Given my Instagram account "brightside.bakery" is linked
    When Instagram revokes the dashboard's access
    Then my Social Accounts page shows my Instagram account as needing to be relinked
    When I click Relink on my Instagram account
    And I input my credentials and click Log in
    And I toggle on all permissions for Instagram and click Allow
    Then I am told that my Instagram account was relinked
    And my Social Accounts page shows my Instagram account linked once, as a Business account

  Scenario: Linking the account that is already linked keeps one entry
    Given my Instagram account "mila.creates" is linked
    When I click Relink on my Instagram account
    And I input my credentials and click Log in
    And I toggle on all permissions for Instagram and click Allow
    Then I am told that my Instagram account was relinked
    And my Social Accounts page shows my Instagram account linked once, as a Creator account

  @errors @facebook
  Scenario: "400: Session Invalid" for a business account: turn off Instagram Login and link through its Facebook Page
    Given my Instagram account is "sam.returns"
    And my Facebook account is "sam.owner"
    When I click the Instagram icon on the Social Accounts page
    And I input my credentials and click Log in
    And I toggle on all permissions for Instagram and click Allow
    Then I am told "400: Session Invalid" with the documented ways out
    When "Instagram Login" is switched off in Settings
    And I click the Instagram icon on the Social Accounts page
    And I authenticate through Facebook
    And I click Edit Settings
    And I check all the Instagram Business Accounts or Instagram Creator Accounts and click Next
    And I check all Facebook Pages and click Next
    And I turn all permissions to Yes and click Done
    And I select the specific Instagram account "sam.returns" to link
    Then my Social Accounts page is updated with my Instagram account "sam.returns", shown as a Business account via the Facebook Page "Sam Returns Studio"
