package io.github.deepcleermock.mock.store.memory;

import io.github.deepcleermock.mock.store.FaultRulesContract;
import io.github.deepcleermock.mock.store.Store;

/** The fault-rule contract against this process's memory. */
class MemoryFaultRulesContractTest extends FaultRulesContract {

  @Override
  protected Store openStore() {
    return new MemoryStore();
  }
}
