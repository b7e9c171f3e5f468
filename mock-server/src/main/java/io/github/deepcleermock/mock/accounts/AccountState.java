package io.github.deepcleermock.mock.accounts;

import io.github.deepcleermock.mock.limits.TokenBucket;

/**
 * A registered account at run time: its settings, its token bucket and its {@code streamLimitReached} flag.
 *
 * <p>Settings and bucket are replaced together (volatile), the flag is volatile: the close path reads them
 * without locks.
 */
public final class AccountState {

  private volatile Account account;
  private volatile TokenBucket bucket;

  AccountState(Account account) {
    this.account = account;
    this.bucket = new TokenBucket(account.qps());
  }

  /** The current settings (the flag included). */
  public Account account() {
    return account;
  }

  /** The key's token bucket. */
  public TokenBucket bucket() {
    return bucket;
  }

  /** Replaces the settings; a new qps gets a new, full bucket, otherwise the bucket keeps its tokens. */
  synchronized void update(Account updated) {
    if (updated.qps() != account.qps()) {
      boolean wasFrozen = bucket.isFrozen();
      bucket = new TokenBucket(updated.qps());
      if (wasFrozen) {
        bucket.freeze();
      }
    }
    account = updated;
  }

  synchronized void setStreamLimitReached(boolean reached) {
    account = account.withStreamLimitReached(reached);
  }
}
