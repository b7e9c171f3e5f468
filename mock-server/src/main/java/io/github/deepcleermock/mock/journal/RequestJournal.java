package io.github.deepcleermock.mock.journal;

import java.util.List;

/**
 * What a test reads of a mock's request journal: the requests it answered and why, newest first. With a shared
 * store ({@code --store redis://...}) it is the whole group's journal, and reading or clearing it throws
 * {@link io.github.deepcleermock.mock.store.StoreUnavailableException} while the store does not answer.
 */
public interface RequestJournal {

  /** Entries matching the filter ({@code Journal.Filter.ALL.withCode(1903)}, ...), newest first, at most {@code limit}. */
  List<JournalEntry> find(Journal.Filter filter, int limit);

  /** Every retained entry, newest first. */
  List<JournalEntry> all();

  /** Empties the journal; sequence numbers keep rising. */
  void clear();

  /** How many entries the journal keeps before the oldest drop off. */
  int capacity();
}
