package com.linkwright.stubs;

import java.util.List;

/**
 * What a Facebook code or token stands for: the app, the user, the Pages and Instagram accounts the user shared on the
 * dialog, and the permissions granted and declined.
 */
record FacebookGrant(RegisteredApp app, String redirectUri, FacebookPersona persona, List<String> pageIds,
                     List<String> instagramIds, List<String> granted, List<String> declined) implements GrantStore.Grant {}
