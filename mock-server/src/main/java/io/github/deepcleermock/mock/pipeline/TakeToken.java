package io.github.deepcleermock.mock.pipeline;

import io.github.deepcleermock.mock.limits.TokenBucket;
import io.github.deepcleermock.mock.time.TimeSource;

/**
 * One token from the key's bucket for this operation, else 1901. Only requests that got this far spend a token;
 * submit and close have a bucket each, both sized by the account's qps.
 */
public final class TakeToken implements Step<Call> {

  private final TimeSource time;

  public TakeToken(TimeSource time) {
    this.time = time;
  }

  @Override
  public Outcome apply(Call call) {
    TokenBucket bucket = call.account().bucket(call.operation());
    if (bucket.tryAcquire(time.nanoTime())) {
      return null;
    }
    if (bucket.isFrozen()) {
      return call.answer(
          VendorCode.QPS_LIMIT_EXCEEDED, "token bucket is frozen empty (provider state QPS limit is exhausted)");
    }
    return call.answer(
        VendorCode.QPS_LIMIT_EXCEEDED,
        "token bucket empty: the key allows " + bucket.capacity() + " requests per second");
  }
}
