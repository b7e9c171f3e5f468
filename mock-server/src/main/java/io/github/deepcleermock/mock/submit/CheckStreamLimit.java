package io.github.deepcleermock.mock.submit;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.Step;
import io.github.deepcleermock.mock.pipeline.VendorCode;
import io.github.deepcleermock.mock.streams.StreamStore;

/**
 * Stream limit: 1904 when the key already has {@code maxStreams} ACTIVE streams (a counter read, O(1)) or its
 * {@code streamLimitReached} flag is set. The open step re-checks the count atomically, so racing submits never
 * exceed it.
 */
final class CheckStreamLimit implements Step<SubmitCall> {

  private final StreamStore streams;

  CheckStreamLimit(StreamStore streams) {
    this.streams = streams;
  }

  @Override
  public Outcome apply(SubmitCall call) {
    Account account = call.account().account();
    if (account.streamLimitReached()) {
      return call.answer(VendorCode.STREAM_COUNT_LIMIT_EXCEEDED, "account flag streamLimitReached is set");
    }
    int active = streams.activeCount(account.accessKey());
    return active >= account.maxStreams() ? limitReached(call, active, account.maxStreams()) : null;
  }

  static Outcome limitReached(SubmitCall call, int active, int max) {
    return call.answer(
        VendorCode.STREAM_COUNT_LIMIT_EXCEEDED,
        "account has " + active + " ACTIVE streams, its maxStreams is " + max);
  }
}
