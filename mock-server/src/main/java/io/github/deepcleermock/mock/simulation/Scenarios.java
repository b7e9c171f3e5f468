package io.github.deepcleermock.mock.simulation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.streams.StreamSpec;
import java.util.List;
import java.util.Optional;

/**
 * Scenario rules in creation order; the first that matches a stream as it opens gives its script. In this
 * process's memory ({@link MemoryScenarios}) or shared by a group of instances (the Redis store).
 */
public interface Scenarios {

  /** Adds a rule after the existing ones. */
  Scenario add(ScenarioSpec spec);

  /** Every rule, in the order they are tried. */
  List<Scenario> list();

  /** Removes one rule; false if there was none with this id. */
  boolean remove(String id);

  /** Removes every rule. */
  void clear();

  /** The script of the first rule matching {@code stream}. */
  default Optional<Script> scriptFor(StreamSpec stream) {
    return scriptFor(stream, stream.data());
  }

  /** The script of the first rule matching {@code stream}, whose {@code data} the caller has parsed (read only). */
  Optional<Script> scriptFor(StreamSpec stream, ObjectNode data);
}
