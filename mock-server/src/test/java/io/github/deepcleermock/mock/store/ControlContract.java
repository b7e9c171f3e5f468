package io.github.deepcleermock.mock.store;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.simulation.ScenarioSpec;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture of the control contract suites: a fresh store per test, restored to a baseline, so the same
 * behaviours run against memory and Redis.
 */
public abstract class ControlContract {

  /** The configured accounts of the baseline. */
  protected static final Account BASE = new Account("BASE", 7, 3, Account.DEFAULT_PERMISSIONS, false);

  protected Store store;
  protected ControlStore control;

  /** The store under test, empty or not: each test starts from {@link #baseline()}. */
  protected abstract Store openStore();

  /** What a reset restores in these tests. */
  protected ControlStore.Baseline baseline() {
    return new ControlStore.Baseline(List.of(BASE), scenarioBaseline());
  }

  /** The scenarios of the baseline (none unless a suite says so). */
  protected List<ScenarioSpec> scenarioBaseline() {
    return List.of();
  }

  @BeforeEach
  void openControl() {
    store = openStore();
    control = store.control(42L);
    control.join(baseline());
    // A shared store may hold an earlier test's state: start every test from the baseline.
    control.restore(baseline());
  }

  @AfterEach
  void closeStore() {
    store.close();
  }
}
