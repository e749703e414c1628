package com.linkwright.stubs;

import java.net.URI;

/** The app registered with the stubbed provider: its id, its secret and the one redirect URI it may use. */
public record RegisteredApp(String name, String clientId, String clientSecret, URI redirectUri) {}
