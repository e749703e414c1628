package com.linkwright.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's sessions, on the server: a random id (the session cookie) stands for a workspace while it is used.
 * A session not used for {@link #IDLE_LIMIT} is gone, and so is one signed out; its cookie, replayed, opens nothing.
 * The clock is handed in, so that tests move time instead of waiting for it.
 */
final class Sessions {
  /** The cookie that carries a session's id: HttpOnly, SameSite=Lax. */
  static final String COOKIE = "lw_session";
  /** Long enough for a linking detour through a provider, short enough that a forgotten tab does not stay open. */
  static final Duration IDLE_LIMIT = Duration.ofMinutes(30);

  /** What a session cookie stands for now: a workspace, or nothing (and whether that is because it expired). */
  record Lookup(Workspace workspace, boolean expired) {
    static final Lookup NONE = new Lookup(null, false);
  }

  private static final class Entry {
    final Workspace workspace;
    volatile Instant lastUsed;

    Entry(Workspace workspace, Instant lastUsed) {
      this.workspace = workspace;
      this.lastUsed = lastUsed;
    }
  }

  private final Map<String, Entry> byId = new ConcurrentHashMap<>();
  private final Clock clock;

  Sessions(Clock clock) {
    this.clock = clock;
  }

  /** A new session for {@code workspace}; returns its id, for the cookie. */
  String open(Workspace workspace) {
    Instant now = clock.instant();
    byId.values().removeIf(e -> idle(e, now));
    String id = Secrets.random(32);
    byId.put(id, new Entry(workspace, now));
    return id;
  }

  /** The session's workspace, which counts as a use; an idle session is closed here. */
  Lookup find(String id) {
    Entry e = id == null ? null : byId.get(id);
    if (e == null) {
      return Lookup.NONE;
    }
    Instant now = clock.instant();
    if (idle(e, now)) {
      byId.remove(id, e);
      return new Lookup(null, true);
    }
    e.lastUsed = now;
    return new Lookup(e.workspace, false);
  }

  void close(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  private static boolean idle(Entry e, Instant now) {
    return now.isAfter(e.lastUsed.plus(IDLE_LIMIT));
  }
}
