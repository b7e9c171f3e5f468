package io.github.deepcleermock.mock.faults;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registered fault rule: its spec, its id, and how often it has fired.
 *
 * <p>{@code times} is enforced by compare-and-set on {@code fired}, so a rule never fires more often than allowed
 * however many requests race for it.
 */
public final class FaultRule {

  private final String id;
  private final FaultSpec spec;
  private final AtomicInteger fired = new AtomicInteger();

  FaultRule(String id, FaultSpec spec) {
    this(id, spec, 0);
  }

  /** A rule as a shared store reads it back, with the firings the whole group counted so far. */
  public FaultRule(String id, FaultSpec spec, int fired) {
    this.id = id;
    this.spec = spec;
    this.fired.set(fired);
  }

  /** Whether the rule fires for this request; counts the firing if so. */
  boolean tryFire(String accessKey, String requestId, Random random) {
    if (!spec.match().matches(accessKey, requestId)) {
      return false;
    }
    if (spec.times() != null && fired.get() >= spec.times()) {
      return false;
    }
    if (spec.probability() < 1.0 && random.nextDouble() >= spec.probability()) {
      return false;
    }
    while (true) {
      int current = fired.get();
      if (spec.times() != null && current >= spec.times()) {
        return false;
      }
      if (fired.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  public String id() {
    return id;
  }

  public FaultSpec spec() {
    return spec;
  }

  /** How many times it fired. */
  public int fired() {
    return fired.get();
  }

  /** Firings left, or null when unlimited. */
  public Integer remaining() {
    return spec.times() == null ? null : Math.max(0, spec.times() - fired.get());
  }
}
