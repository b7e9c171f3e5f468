package io.github.deepcleermock.mock.pipeline;

import io.github.deepcleermock.mock.store.TokenBuckets;
import io.github.deepcleermock.mock.store.TokenTake;
import io.github.deepcleermock.mock.time.TimeSource;

/**
 * One token from the key's bucket for this operation, else 1901. Only requests that got this far spend a token;
 * submit and close have a bucket each, both sized by the account's qps. A store that cannot be asked answers 1903.
 */
public final class TakeToken implements Step<Call> {

  /** The reason a request answers 1903 when the shared store cannot be reached. */
  public static final String STORE_UNAVAILABLE = "store unavailable";

  private final TimeSource time;
  private final TokenBuckets buckets;

  /** Takes tokens from {@code buckets}; {@code time} is the real-time ticker, never the simulation's. */
  public TakeToken(TimeSource time, TokenBuckets buckets) {
    this.time = time;
    this.buckets = buckets;
  }

  @Override
  public Outcome apply(Call call) {
    TokenTake take = buckets.take(call.account(), call.operation(), time.nanoTime());
    if (take == TokenTake.GRANTED) {
      return null;
    }
    if (take == TokenTake.FROZEN) {
      return call.answer(
          VendorCode.QPS_LIMIT_EXCEEDED, "token bucket is frozen empty (provider state QPS limit is exhausted)");
    }
    if (take == TokenTake.UNAVAILABLE) {
      return call.answer(VendorCode.SERVICE_FAILURE, STORE_UNAVAILABLE);
    }
    return call.answer(
        VendorCode.QPS_LIMIT_EXCEEDED,
        "token bucket empty: the key allows " + call.account().account().qps() + " requests per second");
  }
}
