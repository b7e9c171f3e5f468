package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.Step;
import io.github.deepcleermock.mock.pipeline.VendorCode;

/**
 * Stream limit on close: the account's {@code streamLimitReached} flag answers 1904. Nothing else makes 1904: the vendor lists
 * it for close without saying when, so a close answers it only on request (a submit also counts the streams).
 */
final class CheckStreamLimit implements Step<CloseCall> {

  @Override
  public Outcome apply(CloseCall call) {
    if (call.account().account().streamLimitReached()) {
      return call.answer(VendorCode.STREAM_COUNT_LIMIT_EXCEEDED, "account flag streamLimitReached is set");
    }
    return null;
  }
}
