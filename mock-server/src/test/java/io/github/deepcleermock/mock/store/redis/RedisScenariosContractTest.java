package io.github.deepcleermock.mock.store.redis;

import io.github.deepcleermock.mock.store.ScenariosContract;
import io.github.deepcleermock.mock.store.Store;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The scenarios contract against a real redis-server. */
class RedisScenariosContractTest extends ScenariosContract {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  @Override
  protected Store openStore() {
    return RedisStore.connect(REDIS.uri());
  }
}
