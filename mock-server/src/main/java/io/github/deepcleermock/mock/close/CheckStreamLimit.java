package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.pipeline.VendorCode;

/**
 * Step 6: the account's {@code streamLimitReached} flag answers 1904. Nothing else makes 1904: the vendor lists
 * it for close without saying when, so the mock only produces it on request.
 */
final class CheckStreamLimit implements CloseStep {

  @Override
  public CloseOutcome apply(CloseCall call) {
    if (call.account.account().streamLimitReached()) {
      return call.answer(VendorCode.STREAM_COUNT_LIMIT_EXCEEDED, "account flag streamLimitReached is set");
    }
    return null;
  }
}
