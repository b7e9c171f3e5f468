package io.github.deepcleermock.mock.store.redis;

import io.github.deepcleermock.mock.faults.FaultRule;
import io.github.deepcleermock.mock.faults.FaultRules;
import io.github.deepcleermock.mock.faults.FaultSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Fault rules shared by a group: matching and probability draws happen in this instance (its own seeded
 * generator); the firing is counted in one Lua script, so a rule with {@code times: N} fires N times in the whole
 * group, and a rule removed anywhere fires nowhere.
 */
final class RedisFaultRules implements FaultRules {

  private final RedisControl control;

  RedisFaultRules(RedisControl control) {
    this.control = control;
  }

  @Override
  public FaultRule fire(String accessKey, String requestId) {
    List<FaultRule> rules = control.faultView();
    if (rules.isEmpty()) {
      // The happy path without faults asks Redis nothing here.
      return null;
    }
    Random draws = control.random();
    Set<String> spent = control.spentFaults();
    for (FaultRule rule : rules) {
      FaultSpec spec = rule.spec();
      if (!spec.match().matches(accessKey, requestId) || spent.contains(rule.id())) {
        continue;
      }
      if (spec.probability() < 1.0 && draws.nextDouble() >= spec.probability()) {
        continue;
      }
      if (control.fire(rule.id(), spec.times())) {
        return rule;
      }
      // Used up (or removed) for the whole group: a count never goes down while the rule exists.
      spent.add(rule.id());
    }
    return null;
  }

  @Override
  public FaultRule add(FaultSpec spec) {
    String id = control.addRule(ControlKeys.FAULT_IDS, ControlKeys.FAULTS, "fault-", control.json().fault(spec));
    return new FaultRule(id, spec, 0);
  }

  @Override
  public List<FaultRule> list() {
    control.refreshView();
    Map<String, String> fired = control.firedCounts();
    return control.faultView().stream()
        .map(rule -> new FaultRule(rule.id(), rule.spec(), Integer.parseInt(fired.getOrDefault(rule.id(), "0"))))
        .toList();
  }

  @Override
  public Optional<FaultRule> find(String id) {
    return list().stream().filter(rule -> rule.id().equals(id)).findFirst();
  }

  @Override
  public boolean remove(String id) {
    // The empty id is what removeRule reads as every rule; no rule has it.
    return !id.isEmpty() && control.removeRule(ControlKeys.FAULTS, ControlKeys.FIRED, id);
  }

  @Override
  public void clear() {
    control.removeRule(ControlKeys.FAULTS, ControlKeys.FIRED, "");
  }

  @Override
  public long seed() {
    return control.faultSeed();
  }
}
