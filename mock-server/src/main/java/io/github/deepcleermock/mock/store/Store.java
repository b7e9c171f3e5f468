package io.github.deepcleermock.mock.store;

import io.github.deepcleermock.mock.streams.StreamStore;
import io.github.deepcleermock.mock.time.TimeSource;

/**
 * Where one mock instance keeps the state that a group of instances may share; closing it releases its connections.
 */
public interface Store extends AutoCloseable {

  /** The token buckets of every key. */
  TokenBuckets tokenBuckets();

  /** The stream tasks; {@code time} stamps openings and stops, {@code endedRetention} stopped streams are kept. */
  StreamStore streams(TimeSource time, int endedRetention);

  /** Releases connections; idempotent. */
  @Override
  void close();
}
