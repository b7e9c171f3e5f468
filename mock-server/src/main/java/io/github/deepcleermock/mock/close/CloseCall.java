package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.accounts.AccountState;
import io.github.deepcleermock.mock.faults.TransportFault;
import io.github.deepcleermock.mock.pipeline.VendorCode;

/**
 * One close request on its way through the pipeline: what earlier steps learned, for later steps to use.
 *
 * <p>Confined to the thread running the pipeline.
 */
final class CloseCall {

  final CloseRequest request;
  String accessKey;
  String requestId;
  AccountState account;
  String faultId;
  long delayNanos;

  CloseCall(CloseRequest request) {
    this.request = request;
  }

  CloseOutcome answer(VendorCode code, String reason) {
    return answer(code.code(), code.message(), reason, false);
  }

  CloseOutcome answer(int code, String message, String reason, boolean unknownStream) {
    return new CloseOutcome(
        code, message, reason, accessKey, requestId, unknownStream, faultId, delayNanos, null, false);
  }

  CloseOutcome invalid(String reason) {
    return answer(VendorCode.INVALID_PARAMETERS, reason);
  }

  CloseOutcome invalidAndClose(String reason) {
    VendorCode code = VendorCode.INVALID_PARAMETERS;
    return new CloseOutcome(
        code.code(), code.message(), reason, accessKey, requestId, false, faultId, delayNanos, null, true);
  }

  CloseOutcome breakTransport(TransportFault fault, String reason) {
    return new CloseOutcome(0, null, reason, accessKey, requestId, false, faultId, delayNanos, fault, false);
  }
}
