package io.github.deepcleermock.benchmarks.jmh;

import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.journal.JournalObserver;
import io.github.deepcleermock.mock.store.memory.MemoryStore;

/** The journal the mock builds by default: the memory store's, reached through the store seam as the mock does. */
final class Journals {

  private Journals() {}

  static Journal memory(int size) {
    return new MemoryStore().journal(size, JournalObserver.NONE);
  }
}
