package io.github.deepcleermock.mock.streams;

import io.github.deepcleermock.mock.store.memory.MemoryStore;
import io.github.deepcleermock.mock.time.MockClock;

/** The stream-store contract against the memory store (today's {@link Streams}). */
class MemoryStreamStoreTest extends StreamStoreContract {

  @Override
  protected StreamStore open(MockClock clock, int endedRetention) {
    return new MemoryStore().streams(clock, endedRetention);
  }
}
