package io.github.deepcleermock.mock.faults;

import java.util.List;
import java.util.Optional;

/** What a test does with a mock's fault rules: add, read and remove them (the pipeline fires them). */
public interface Faults {

  /** Registers a rule after the existing ones: {@code add(FaultSpec.code(FaultMatch.byAccessKey("k"), 1903))}. */
  FaultRule add(FaultSpec spec);

  /** All rules in creation order, exhausted ones included. */
  List<FaultRule> list();

  /** The rule with this id, if it exists. */
  Optional<FaultRule> find(String id);

  /** Removes one rule; false if there is no such id. */
  boolean remove(String id);

  /** Removes every rule. */
  void clear();

  /** The seed of the generator rule probabilities draw from, so a run can be replayed. */
  long seed();
}
