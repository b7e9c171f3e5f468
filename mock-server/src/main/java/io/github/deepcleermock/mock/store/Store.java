package io.github.deepcleermock.mock.store;

import io.github.deepcleermock.mock.callbacks.AttemptLog;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.journal.JournalObserver;
import io.github.deepcleermock.mock.streams.StreamStore;
import io.github.deepcleermock.mock.time.TimeSource;

/**
 * Where one mock instance keeps the state that a group of instances may share; closing it releases its connections.
 */
public interface Store extends AutoCloseable {

  /** The token buckets of every key. */
  TokenBuckets tokenBuckets();

  /** The request journal, keeping the newest {@code capacity} entries; tells {@code observer} of each it records. */
  Journal journal(int capacity, JournalObserver observer);

  /** The callback attempt log, keeping the newest {@code capacity} attempts. */
  AttemptLog callbackLog(int capacity);

  /** Accounts, fault rules and scenarios; fault probabilities drawn from a generator seeded with {@code faultSeed}. */
  ControlStore control(long faultSeed);

  /** The stream tasks; {@code time} stamps openings and stops, {@code endedRetention} stopped streams are kept. */
  StreamStore streams(TimeSource time, int endedRetention);

  /** Releases connections; idempotent. */
  @Override
  void close();
}
