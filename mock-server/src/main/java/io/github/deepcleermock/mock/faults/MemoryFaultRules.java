package io.github.deepcleermock.mock.faults;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault rules in this process's memory, tried in creation order, and the one seeded generator their
 * probabilities are drawn from.
 *
 * <p>Rules are few and read on every close, so a copy-on-write list fits; the generator is reseeded on reset so
 * a test run replays the same draws.
 */
public final class MemoryFaultRules implements FaultRules {

  private final long seed;
  private final AtomicLong ids = new AtomicLong();
  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
  private volatile Random random;

  public MemoryFaultRules(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** Registers a rule after the existing ones. */
  @Override
  public FaultRule add(FaultSpec spec) {
    FaultRule rule = new FaultRule("fault-" + ids.incrementAndGet(), spec);
    rules.add(rule);
    return rule;
  }

  /** The first rule that fires for this request, if any. */
  @Override
  public FaultRule fire(String accessKey, String requestId) {
    if (rules.isEmpty()) {
      return null;
    }
    Random draws = random;
    for (FaultRule rule : rules) {
      if (rule.tryFire(accessKey, requestId, draws)) {
        return rule;
      }
    }
    return null;
  }

  /** All rules in creation order, exhausted ones included. */
  @Override
  public List<FaultRule> list() {
    return List.copyOf(rules);
  }

  @Override
  public Optional<FaultRule> find(String id) {
    return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
  }

  /** Removes one rule; false if there is no such id. */
  @Override
  public boolean remove(String id) {
    return rules.removeIf(rule -> rule.id().equals(id));
  }

  /** Removes every rule. */
  @Override
  public void clear() {
    rules.clear();
  }

  /** No rules and a freshly seeded generator. */
  public void restore() {
    rules.clear();
    random = new Random(seed);
  }

  /** The generator's seed, so a run can be replayed. */
  @Override
  public long seed() {
    return seed;
  }
}
