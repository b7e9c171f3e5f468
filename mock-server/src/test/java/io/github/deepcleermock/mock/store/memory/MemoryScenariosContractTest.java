package io.github.deepcleermock.mock.store.memory;

import io.github.deepcleermock.mock.store.ScenariosContract;
import io.github.deepcleermock.mock.store.Store;

/** The scenarios contract against this process's memory. */
class MemoryScenariosContractTest extends ScenariosContract {

  @Override
  protected Store openStore() {
    return new MemoryStore();
  }
}
