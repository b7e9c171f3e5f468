package io.github.deepcleermock.mock.store.redis;

import io.github.deepcleermock.mock.store.AccountsContract;
import io.github.deepcleermock.mock.store.Store;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The accounts contract against a real redis-server. */
class RedisAccountsContractTest extends AccountsContract {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  @Override
  protected Store openStore() {
    return RedisStore.connect(REDIS.uri());
  }
}
