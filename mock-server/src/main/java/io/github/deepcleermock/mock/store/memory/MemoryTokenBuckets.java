package io.github.deepcleermock.mock.store.memory;

import io.github.deepcleermock.mock.accounts.AccountState;
import io.github.deepcleermock.mock.accounts.Operation;
import io.github.deepcleermock.mock.limits.TokenBucket;
import io.github.deepcleermock.mock.store.TokenBuckets;
import io.github.deepcleermock.mock.store.TokenTake;

/**
 * The buckets each {@link AccountState} holds ({@link TokenBucket}, lock-free GCRA): no allocation, no lookup
 * beyond the account's own field.
 */
public final class MemoryTokenBuckets implements TokenBuckets {

  @Override
  public TokenTake take(AccountState account, Operation operation, long nowNanos) {
    TokenBucket bucket = account.bucket(operation);
    if (bucket.tryAcquire(nowNanos)) {
      return TokenTake.GRANTED;
    }
    return bucket.isFrozen() ? TokenTake.FROZEN : TokenTake.EMPTY;
  }
}
