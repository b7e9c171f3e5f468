package io.github.deepcleermock.mock.store.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.simulation.Scenario;
import io.github.deepcleermock.mock.simulation.ScenarioSpec;
import io.github.deepcleermock.mock.simulation.Scenarios;
import io.github.deepcleermock.mock.simulation.Script;
import io.github.deepcleermock.mock.streams.StreamSpec;
import java.util.List;
import java.util.Optional;

/**
 * Scenario rules shared by a group: changes are Lua scripts in Redis; a stream opening reads this instance's view,
 * which the submit's refresh brought up to date.
 */
final class RedisScenarios implements Scenarios {

  /** What {@code removeRule} reads as every rule (no rule has this id). */
  private static final String ALL = "";

  private final RedisControl control;

  RedisScenarios(RedisControl control) {
    this.control = control;
  }

  @Override
  public Scenario add(ScenarioSpec spec) {
    String id =
        control.addRule(ControlKeys.SCENARIO_IDS, ControlKeys.SCENARIOS, "scenario-", control.json().scenario(spec));
    return new Scenario(id, spec);
  }

  @Override
  public List<Scenario> list() {
    control.refreshView();
    return control.scenarioView();
  }

  @Override
  public boolean remove(String id) {
    // Scenarios keep no counts: the rules' own key stands in for the counts key.
    return !ALL.equals(id) && control.removeRule(ControlKeys.SCENARIOS, ControlKeys.SCENARIOS, id);
  }

  @Override
  public void clear() {
    control.removeRule(ControlKeys.SCENARIOS, ControlKeys.SCENARIOS, ALL);
  }

  @Override
  public Optional<Script> scriptFor(StreamSpec stream, ObjectNode data) {
    for (Scenario rule : control.scenarioView()) {
      if (rule.spec().match().matches(stream, data)) {
        return Optional.of(rule.spec().script());
      }
    }
    return Optional.empty();
  }
}
