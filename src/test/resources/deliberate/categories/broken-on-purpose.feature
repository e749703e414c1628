# Deliberately broken: each scenario fails on purpose, in the way one kind of defect fails, so that WhatReadersSeeIT
# can check that the report files it under the right category. Never part of the normal run (features/ is).
Feature: Broken on purpose, to prove the report's categories

  Background:
    Given I am signed in to the dashboard as a new user

  Scenario: A dashboard button that is not there is a product regression
    Given my Instagram account is "brightside.bakery"
    And the dashboard has lost its Instagram icon
    When I click the Instagram icon on the Social Accounts page
    And I input my credentials and click Log in

  Scenario: An exception in harness code is a harness defect
    When the harness itself breaks
