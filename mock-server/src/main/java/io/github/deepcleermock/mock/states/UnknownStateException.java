package io.github.deepcleermock.mock.states;

import java.util.List;

/** A provider state name the mock does not know; carries the names it does know. */
public final class UnknownStateException extends RuntimeException {

  private final List<String> knownStates;

  UnknownStateException(String state, List<String> knownStates) {
    super("state: unknown state '" + state + "'");
    this.knownStates = List.copyOf(knownStates);
  }

  public List<String> knownStates() {
    return knownStates;
  }
}
