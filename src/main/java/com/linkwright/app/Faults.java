package com.linkwright.app;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deliberate regressions this app instance was started with (none, outside the regression proof). Every place a
 * {@link Fault} can change the app's behaviour asks {@link #active} here, so that there is one seam for all of them.
 *
 * <p>An instance started to record reach (the regression proof's clean run, with no fault active) also notes, at each
 * site, the tag of the request that asked ({@link RequestTags}): the scenarios that reach a fault's site are the ones
 * worth running with that fault.
 */
final class Faults {
  private static final Faults NONE = new Faults(Set.of(), null);

  private final Set<Fault> active;
  /** For each fault, the tags of the requests that asked at its site; null unless this instance records reach. */
  private final Map<Fault, Set<String>> reached;

  private Faults(Set<Fault> active, Map<Fault, Set<String>> reached) {
    this.active = active;
    this.reached = reached;
  }

  static Faults of(Set<Fault> faults) {
    return faults.isEmpty() ? NONE : new Faults(EnumSet.copyOf(faults), null);
  }

  /** No fault active; every site notes who asked. */
  static Faults recordingReach() {
    return new Faults(Set.of(), new ConcurrentHashMap<>());
  }

  /** At the site of {@code fault}: whether this instance was started with it. */
  boolean active(Fault fault) {
    if (reached != null) {
      // whichever branch led here, the request reached the site: with the fault on, this is where it would differ
      reached.computeIfAbsent(fault, f -> ConcurrentHashMap.newKeySet()).add(RequestTags.current());
    }
    return active.contains(fault);
  }

  boolean any() {
    return !active.isEmpty();
  }

  boolean recordsReach() {
    return reached != null;
  }

  /** A snapshot: for each fault whose site was asked at, the request tags that asked, sorted. */
  Map<Fault, Set<String>> reached() {
    if (reached == null) {
      throw new IllegalStateException("This app was not started to record reach (LinkingApp.startRecordingReach)");
    }
    Map<Fault, Set<String>> copy = new TreeMap<>();
    reached.forEach((fault, tags) -> copy.put(fault, Set.copyOf(new TreeSet<>(tags))));
    return copy;
  }

  @Override
  public String toString() {
    return active.toString();
  }
}
