@direct
Feature: Linking Instagram directly (Instagram Login, the default)
  The guide's option 1: click the Instagram icon on the Social Accounts page, log in to Instagram,
  toggle on all permissions and click Allow; the Social Accounts page then shows the Instagram account.
  Instagram requires a Business or Creator account; a Personal account cannot be linked.

  Background:
    Given I am signed in to the dashboard as a new user

  @smoke
  Scenario: A Business account links directly
    Given my Instagram account is "brightside.bakery"
    When I click the Instagram icon on the Social Accounts page
    And I input my credentials and click Log in
    And I toggle on all permissions for Instagram and click Allow
    Then my Social Accounts page is updated with my Instagram account, shown as a Business account

  Scenario: A Creator account links directly
    Given my Instagram account is "mila.creates"
    When I click the Instagram icon on the Social Accounts page
    And I input my credentials and click Log in
    And I toggle on all permissions for Instagram and click Allow
    Then my Social Accounts page is updated with my Instagram account, shown as a Creator account

  @errors
  Scenario: A Personal account is refused, with the way to switch to a professional account
    Given my Instagram account is "jo.personal"
    When I click the Instagram icon on the Social Accounts page
    And I input my credentials and click Log in
    And I toggle on all permissions for Instagram and click Allow
    Then I am told that my account isn't a Business or Creator account
    And I am shown how to switch from a Personal to a Business or Creator account
    And no Instagram account is linked

  @errors
  Scenario: Cancelling on Instagram's permissions links nothing
    Given my Instagram account is "brightside.bakery"
    When I click the Instagram icon on the Social Accounts page
    And I input my credentials and click Log in
    And I click Cancel on the Instagram permissions
    Then I am told that I cancelled and nothing was linked

  @errors
  Scenario: A wrong password keeps me on Instagram's login
    Given my Instagram account is "brightside.bakery"
    When I click the Instagram icon on the Social Accounts page
    And I input a wrong password and click Log in
    Then Instagram tells me that my password was incorrect

  Scenario: Unlink, then link again
    Given my Instagram account is "mila.creates"
    And I click the Instagram icon on the Social Accounts page
    And I input my credentials and click Log in
    And I toggle on all permissions for Instagram and click Allow
    And my Social Accounts page is updated with my Instagram account, shown as a Creator account
    When I unlink my Instagram account
    Then no Instagram account is linked
    When I click the Instagram icon on the Social Accounts page
    And I input my credentials and click Log in
    And I toggle on all permissions for Instagram and click Allow
    Then my Social Accounts page is updated with my Instagram account, shown as a Creator account

  @security
  Scenario: An answer that does not carry the dashboard's state is refused
    Given my Instagram account is "brightside.bakery"
    When I click the Instagram icon on the Social Accounts page
    And I input my credentials and click Log in
    And Instagram's answer comes back with a state the dashboard did not send
    Then the dashboard refuses Instagram's answer and nothing is linked

  @security
  Scenario: An answer from Instagram works only once: its state is spent, and its authorization code too
    Given my Instagram account is "brightside.bakery"
    And I click the Instagram icon on the Social Accounts page
    And I input my credentials and click Log in
    And I toggle on all permissions for Instagram and click Allow
    And my Social Accounts page is updated with my Instagram account, shown as a Business account
    And I unlink my Instagram account
    When Instagram's earlier answer is brought back to the dashboard as it was
    Then the dashboard refuses Instagram's answer and nothing is linked
    When I click the Instagram icon on the Social Accounts page
    And the earlier authorization code is brought back to the dashboard
    Then I am told that Instagram answered "Matching code was not found or was already used"
    And no Instagram account is linked
