package io.github.deepcleermock.mock.store.redis;

import io.github.deepcleermock.mock.store.Store;
import io.github.deepcleermock.mock.store.Stores;
import io.github.deepcleermock.mock.streams.StreamStore;
import io.github.deepcleermock.mock.streams.StreamStoreContract;
import io.github.deepcleermock.mock.time.MockClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stream-store contract against a real redis-server. */
class RedisStreamStoreTest extends StreamStoreContract {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private Store store;

  @Override
  protected StreamStore open(MockClock clock, int endedRetention) {
    store = Stores.open(REDIS.uri());
    return store.streams(clock, endedRetention);
  }

  @Override
  protected void close() {
    store.close();
  }
}
