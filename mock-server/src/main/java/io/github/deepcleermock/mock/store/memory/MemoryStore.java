package io.github.deepcleermock.mock.store.memory;

import io.github.deepcleermock.mock.store.Store;
import io.github.deepcleermock.mock.store.TokenBuckets;
import io.github.deepcleermock.mock.streams.StreamOpenedListener;
import io.github.deepcleermock.mock.streams.StreamStore;
import io.github.deepcleermock.mock.streams.Streams;
import io.github.deepcleermock.mock.time.TimeSource;

/** State in this process only: nothing to connect or close. */
public final class MemoryStore implements Store {

  private final TokenBuckets buckets = new MemoryTokenBuckets();

  @Override
  public TokenBuckets tokenBuckets() {
    return buckets;
  }

  @Override
  public StreamStore streams(TimeSource time, int endedRetention) {
    return new Streams(time, StreamOpenedListener.NONE, endedRetention);
  }

  @Override
  public void close() {
    // Nothing held outside the heap.
  }
}
