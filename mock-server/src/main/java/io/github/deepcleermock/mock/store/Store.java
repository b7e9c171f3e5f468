package io.github.deepcleermock.mock.store;

/**
 * Where one mock instance keeps the state that a group of instances may share; closing it releases its connections.
 */
public interface Store extends AutoCloseable {

  /** The token buckets of every key. */
  TokenBuckets tokenBuckets();

  /** Accounts, fault rules and scenarios; fault probabilities drawn from a generator seeded with {@code faultSeed}. */
  ControlStore control(long faultSeed);

  /** Releases connections; idempotent. */
  @Override
  void close();
}
