package com.linkwright.stubs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The apps registered with one stubbed provider, by client id (Facebook's app id). */
final class RegisteredApps {
  private final Map<String, RegisteredApp> byClientId = new ConcurrentHashMap<>();

  void register(RegisteredApp app) {
    byClientId.put(app.clientId(), app);
  }

  /** The app with this client id, or null (also for a missing one). */
  RegisteredApp withClientId(String clientId) {
    return clientId == null ? null : byClientId.get(clientId);
  }

  /** Some registered app has this secret. */
  boolean anyHasSecret(String secret) {
    return byClientId.values().stream().anyMatch(a -> a.clientSecret().equals(secret));
  }
}
