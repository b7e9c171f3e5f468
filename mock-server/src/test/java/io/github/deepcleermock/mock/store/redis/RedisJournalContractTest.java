package io.github.deepcleermock.mock.store.redis;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.journal.JournalContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The journal and callback log contract against the Redis store, on a real redis-server. */
class RedisJournalContractTest extends JournalContract {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  @Override
  protected DeepCleerMock.Builder builder() {
    return DeepCleerMock.builder().store(REDIS.uri());
  }
}
