package io.github.deepcleermock.mock.store;

import io.github.deepcleermock.mock.accounts.AccountState;
import io.github.deepcleermock.mock.accounts.Operation;

/**
 * The per-key, per-operation token buckets behind 1901, each of capacity {@code qps} refilled at {@code qps} per
 * second of REAL time (never the scaled simulation time).
 */
public interface TokenBuckets {

  /**
   * Takes one token of {@code operation}'s bucket of {@code account}; never blocks longer than the store's command
   * timeout.
   *
   * @param nowNanos the real-time ticker now (the memory store's clock; a shared store may use its own)
   */
  TokenTake take(AccountState account, Operation operation, long nowNanos);
}
