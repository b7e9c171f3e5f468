package io.github.deepcleermock.mock.accounts;

import io.github.deepcleermock.mock.limits.TokenBucket;

/**
 * A registered account at run time: its settings, its token buckets (one per operation, both sized by qps) and its
 * {@code streamLimitReached} flag.
 *
 * <p>Settings and buckets are replaced together (volatile), the flag is volatile: the vendor paths read them
 * without locks.
 */
public final class AccountState {

  private volatile Account account;
  private volatile TokenBucket bucket;
  private volatile TokenBucket submitBucket;

  AccountState(Account account) {
    this.account = account;
    this.bucket = new TokenBucket(account.qps());
    this.submitBucket = new TokenBucket(account.qps());
  }

  /** The current settings (the flag included). */
  public Account account() {
    return account;
  }

  /** The key's token bucket for closing. */
  public TokenBucket bucket() {
    return bucket;
  }

  /** The key's token bucket for {@code operation}. */
  public TokenBucket bucket(Operation operation) {
    return operation == Operation.SUBMIT ? submitBucket : bucket;
  }

  /** Freezes both buckets empty (provider state "QPS limit is exhausted"). */
  public void freezeBuckets() {
    bucket.freeze();
    submitBucket.freeze();
  }

  /** Replaces the settings; a new qps gets new, full buckets, otherwise the buckets keep their tokens. */
  synchronized void update(Account updated) {
    if (updated.qps() != account.qps()) {
      bucket = resized(bucket, updated.qps());
      submitBucket = resized(submitBucket, updated.qps());
    }
    account = updated;
  }

  private static TokenBucket resized(TokenBucket old, int qps) {
    TokenBucket fresh = new TokenBucket(qps);
    if (old.isFrozen()) {
      fresh.freeze();
    }
    return fresh;
  }

  synchronized void setStreamLimitReached(boolean reached) {
    account = account.withStreamLimitReached(reached);
  }
}
