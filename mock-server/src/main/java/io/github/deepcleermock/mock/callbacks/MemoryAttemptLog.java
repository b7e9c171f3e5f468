package io.github.deepcleermock.mock.callbacks;

import io.github.deepcleermock.mock.journal.RecordRing;
import java.util.List;
import java.util.function.Predicate;

/** The attempt log in this process's memory: a lock-free {@link RecordRing} (the memory store's). */
public final class MemoryAttemptLog implements AttemptLog {

  private final RecordRing<CallbackAttempt> ring;

  /** A log keeping the newest {@code capacity} attempts. */
  public MemoryAttemptLog(int capacity) {
    this.ring = new RecordRing<>(capacity);
  }

  @Override
  public long claim() {
    return ring.claim();
  }

  @Override
  public void put(long seq, CallbackAttempt attempt) {
    ring.put(seq, attempt);
  }

  @Override
  public List<CallbackAttempt> oldestFirst(Predicate<CallbackAttempt> filter) {
    return ring.oldestFirst(filter);
  }

  @Override
  public void clear() {
    ring.clear();
  }
}
