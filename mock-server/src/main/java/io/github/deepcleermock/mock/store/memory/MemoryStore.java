package io.github.deepcleermock.mock.store.memory;

import io.github.deepcleermock.mock.callbacks.AttemptLog;
import io.github.deepcleermock.mock.callbacks.MemoryAttemptLog;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.journal.JournalObserver;
import io.github.deepcleermock.mock.journal.MemoryJournal;
import io.github.deepcleermock.mock.store.ControlStore;
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
  public Journal journal(int capacity, JournalObserver observer) {
    return new MemoryJournal(capacity, observer);
  }

  @Override
  public AttemptLog callbackLog(int capacity) {
    return new MemoryAttemptLog(capacity);
  }

  @Override
  public ControlStore control(long faultSeed) {
    return new MemoryControl(faultSeed);
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
