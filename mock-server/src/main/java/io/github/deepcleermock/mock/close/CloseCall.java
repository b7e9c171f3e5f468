package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.accounts.Operation;
import io.github.deepcleermock.mock.pipeline.Call;
import io.github.deepcleermock.mock.pipeline.VendorRequest;

/**
 * One close request on its way through the pipeline; its requestId is also what fault rules and magic values read.
 *
 * <p>Confined to the thread running the pipeline.
 */
final class CloseCall extends Call {

  CloseCall(VendorRequest request) {
    super(request, Operation.FINISH);
  }

  @Override
  public void requestId(String value) {
    super.requestId(value);
    faultKey(value);
  }
}
