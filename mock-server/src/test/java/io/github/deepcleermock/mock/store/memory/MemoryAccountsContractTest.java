package io.github.deepcleermock.mock.store.memory;

import io.github.deepcleermock.mock.store.AccountsContract;
import io.github.deepcleermock.mock.store.Store;

/** The accounts contract against this process's memory. */
class MemoryAccountsContractTest extends AccountsContract {

  @Override
  protected Store openStore() {
    return new MemoryStore();
  }
}
