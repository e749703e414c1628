package com.linkwright.app;

import java.util.EnumSet;
import java.util.Set;

/**
 * The deliberate regressions this app instance was started with (none, outside the regression proof). Every place a
 * {@link Fault} can change the app's behaviour asks {@link #active} here, so that there is one seam for all of them.
 */
final class Faults {
  private static final Faults NONE = new Faults(Set.of());

  private final Set<Fault> active;

  private Faults(Set<Fault> active) {
    this.active = active;
  }

  static Faults of(Set<Fault> faults) {
    return faults.isEmpty() ? NONE : new Faults(EnumSet.copyOf(faults));
  }

  /** At the site of {@code fault}: whether this instance was started with it. */
  boolean active(Fault fault) {
    return active.contains(fault);
  }

  boolean any() {
    return !active.isEmpty();
  }

  @Override
  public String toString() {
    return active.toString();
  }
}
