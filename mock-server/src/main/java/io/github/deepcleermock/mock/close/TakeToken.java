package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.limits.TokenBucket;
import io.github.deepcleermock.mock.pipeline.VendorCode;
import io.github.deepcleermock.mock.time.TimeSource;

/** Step 4: one token from the key's bucket, else 1901. Only requests that got this far spend a token. */
final class TakeToken implements CloseStep {

  private final TimeSource time;

  TakeToken(TimeSource time) {
    this.time = time;
  }

  @Override
  public CloseOutcome apply(CloseCall call) {
    TokenBucket bucket = call.account.bucket();
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
