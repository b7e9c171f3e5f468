package io.github.deepcleermock.mock.simulation;

import java.util.Objects;

/**
 * A scenario rule: streams opened that match get this script (the first matching rule wins).
 *
 * @param match which streams
 * @param script what happens to them
 */
public record ScenarioSpec(ScenarioMatch match, Script script) {

  public ScenarioSpec {
    match = match == null ? ScenarioMatch.ANY : match;
    Objects.requireNonNull(script, "script: is required");
  }
}
