package io.github.deepcleermock.mock.store.redis;

import io.github.deepcleermock.mock.store.FaultRulesContract;
import io.github.deepcleermock.mock.store.Store;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fault-rule contract against a real redis-server. */
class RedisFaultRulesContractTest extends FaultRulesContract {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  @Override
  protected Store openStore() {
    return RedisStore.connect(REDIS.uri());
  }
}
