# Deliberately broken scenarios that prove the flake policy itself (FlakePolicyIT runs each in a Maven build of its
# own): never part of the normal run, whose features live in features/.
Feature: The flake policy, proven both ways

  @fails-on-every-attempt
  Scenario: A scenario that fails on every attempt
    Given a step that fails on every attempt

  @passes-on-a-retry
  Scenario: A scenario that fails once, then passes when it is run again
    Given a step that fails on its first attempt only
