package io.github.deepcleermock.mock.submit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.accounts.Operation;
import io.github.deepcleermock.mock.pipeline.Call;
import io.github.deepcleermock.mock.pipeline.VendorRequest;

/**
 * One submit request on its way through the pipeline: the parsed body and what validation derived from it.
 *
 * <p>Confined to the thread running the pipeline.
 */
final class SubmitCall extends Call {

  ObjectNode body;
  ObjectNode data;
  boolean moderatesAudio;

  SubmitCall(VendorRequest request) {
    super(request, Operation.SUBMIT);
  }
}
