package io.github.deepcleermock.mock.journal;

/**
 * Told of every request the journal records, on the thread that answered it.
 *
 * <p>Runs on the vendor endpoints' hot path: an implementation must be cheap (counter increments) and must not
 * throw or block.
 */
@FunctionalInterface
public interface JournalObserver {

  /** Observes nothing. */
  JournalObserver NONE = entry -> {};

  /** Called once per recorded entry, after it is stored. */
  void recorded(JournalEntry entry);
}
