package io.github.deepcleermock.mock.store.memory;

import io.github.deepcleermock.mock.accounts.Accounts;
import io.github.deepcleermock.mock.accounts.MemoryAccounts;
import io.github.deepcleermock.mock.faults.FaultRules;
import io.github.deepcleermock.mock.faults.MemoryFaultRules;
import io.github.deepcleermock.mock.simulation.MemoryScenarios;
import io.github.deepcleermock.mock.simulation.Scenarios;
import io.github.deepcleermock.mock.store.ControlRefresh;
import io.github.deepcleermock.mock.store.ControlStore;

/** Accounts, fault rules and scenarios in this process's memory: today's code, always up to date. */
public final class MemoryControl implements ControlStore {

  private final MemoryAccounts accounts = new MemoryAccounts();
  private final MemoryFaultRules faults;
  private final MemoryScenarios scenarios = new MemoryScenarios();

  /** Fault probabilities drawn from a generator seeded with {@code faultSeed}. */
  public MemoryControl(long faultSeed) {
    this.faults = new MemoryFaultRules(faultSeed);
  }

  @Override
  public Accounts accounts() {
    return accounts;
  }

  @Override
  public FaultRules faults() {
    return faults;
  }

  @Override
  public Scenarios scenarios() {
    return scenarios;
  }

  @Override
  public void join(Baseline baseline) {
    restore(baseline);
  }

  @Override
  public void restore(Baseline baseline) {
    faults.restore();
    accounts.restore(baseline.accounts());
    scenarios.baseline(baseline.scenarios());
  }

  @Override
  public ControlRefresh refresh() {
    return null;
  }
}
