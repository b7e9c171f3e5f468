package io.github.deepcleermock.mock.simulation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.streams.StreamSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario rules in this process's memory, in creation order; the first that matches a stream as it opens gives its script. The baseline
 * (from the configuration) is restored on reset. Thread-safety: a copy-on-write list (rules change rarely, every
 * opening reads them).
 */
public final class MemoryScenarios implements Scenarios {

  private final List<Scenario> rules = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile List<ScenarioSpec> baseline = List.of();

  /** Adds a rule after the existing ones. */
  @Override
  public Scenario add(ScenarioSpec spec) {
    Scenario scenario = new Scenario("scenario-" + ids.incrementAndGet(), spec);
    rules.add(scenario);
    return scenario;
  }

  /** Every rule, in the order they are tried. */
  @Override
  public List<Scenario> list() {
    return List.copyOf(rules);
  }

  /** Removes one rule; false if there was none with this id. */
  @Override
  public boolean remove(String id) {
    return rules.removeIf(rule -> rule.id().equals(id));
  }

  /** Removes every rule. */
  @Override
  public void clear() {
    rules.clear();
  }

  /** The script of the first rule matching {@code stream}. */
  @Override
  public Optional<Script> scriptFor(StreamSpec stream, ObjectNode data) {
    for (Scenario rule : rules) {
      if (rule.spec().match().matches(stream, data)) {
        return Optional.of(rule.spec().script());
      }
    }
    return Optional.empty();
  }

  /** Sets the rules a reset restores, and restores them. */
  public void baseline(List<ScenarioSpec> specs) {
    baseline = List.copyOf(specs);
    restore();
  }

  /** Back to the baseline rules (with new ids). */
  public void restore() {
    rules.clear();
    baseline.forEach(this::add);
  }
}
