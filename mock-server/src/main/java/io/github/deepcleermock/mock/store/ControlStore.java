package io.github.deepcleermock.mock.store;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.accounts.Accounts;
import io.github.deepcleermock.mock.faults.FaultRules;
import io.github.deepcleermock.mock.simulation.ScenarioSpec;
import io.github.deepcleermock.mock.simulation.Scenarios;
import java.util.List;

/**
 * The control state of a mock: accounts, fault rules with their counters, and scenarios, with the baseline a reset
 * restores (the configured accounts, no faults, the configured scenarios).
 */
public interface ControlStore {

  /** The accounts. */
  Accounts accounts();

  /** The fault rules. */
  FaultRules faults();

  /** The scenario rules. */
  Scenarios scenarios();

  /**
   * At start: takes the state the group already has, or the baseline when there is none yet (the first instance of
   * a group, or the memory store). Starting a second instance never wipes the first one's changes.
   */
  void join(Baseline baseline);

  /** Restores {@code baseline} in one step (for the whole group when shared). */
  void restore(Baseline baseline);

  /**
   * Brings this instance's view up to date before a vendor request reads it, or null when the view is always up
   * to date (the memory store): the pipelines then run no extra step at all.
   */
  ControlRefresh refresh();

  /** What a reset restores. */
  record Baseline(List<Account> accounts, List<ScenarioSpec> scenarios) {
    public Baseline {
      accounts = List.copyOf(accounts);
      scenarios = List.copyOf(scenarios);
    }
  }
}
