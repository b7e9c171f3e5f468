package io.github.deepcleermock.mock.submit;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.ResponseId;
import io.github.deepcleermock.mock.pipeline.ResponseIds;
import io.github.deepcleermock.mock.pipeline.Step;
import io.github.deepcleermock.mock.streams.StreamOpenedListener;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamStore;
import io.github.deepcleermock.mock.pipeline.VendorRequest;
import java.util.Arrays;

/**
 * Open: a new ACTIVE stream holding the whole submitted body (its text as it arrived: serializing the tree again
 * would only cost time), its requestId a fresh 32-hex id (the answer's id);
 * the streams model tells the simulation. A duplicate or a full account found at this last moment (a racing submit)
 * answers as the earlier steps would have.
 */
final class OpenStream implements Step<SubmitCall> {

  private final StreamStore streams;
  private final StreamOpenedListener opened;
  /**
   * The image callback URL of a recent submit. Most clients send every stream's results to one URL; streams then
   * share one string instead of each holding its own copy (an open stream's every byte is copied by the collector).
   */
  private volatile String recentImgCallback = "";

  OpenStream(StreamStore streams, StreamOpenedListener opened) {
    this.streams = streams;
    this.opened = opened;
  }

  @Override
  public Outcome apply(SubmitCall call) {
    Account account = call.account().account();
    ResponseId taskId = ResponseIds.nextId();
    VendorRequest request = call.request();
    String requestId = taskId.hex();
    StreamSpec spec =
        StreamSpec.submitted(
            requestId,
            account.accessKey(),
            shared(call.body.get("imgCallback").textValue()),
            call.moderatesAudio ? call.body.get("audioCallback").textValue() : null,
            call.data.path("returnFinishInfo").asInt(0),
            call.body,
            bodyText(request));
    call.requestId(requestId);
    StreamStore.Submitted submitted = streams.submit(spec, account.maxStreams());
    if (submitted instanceof StreamStore.Submitted.Duplicate duplicate) {
      return CheckDuplicate.duplicate(call, duplicate.running());
    }
    if (submitted instanceof StreamStore.Submitted.LimitReached full) {
      call.requestId(null);
      return CheckStreamLimit.limitReached(call, full.active(), account.maxStreams());
    }
    opened.streamOpened(((StreamStore.Submitted.Opened) submitted).stream(), call.data);
    return call.opened(taskId);
  }

  /**
   * The body's bytes to keep with the stream: the transport reads each body into a fresh array of its exact size,
   * which nobody changes (the journal keeps that same array), so it is kept as it is rather than copied.
   */
  private static byte[] bodyText(VendorRequest request) {
    byte[] body = request.body();
    return request.length() == body.length ? body : Arrays.copyOf(body, request.length());
  }

  private String shared(String imgCallback) {
    String recent = recentImgCallback;
    if (recent.equals(imgCallback)) {
      return recent;
    }
    recentImgCallback = imgCallback;
    return imgCallback;
  }
}
