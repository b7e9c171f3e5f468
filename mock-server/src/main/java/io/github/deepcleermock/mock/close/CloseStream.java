package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.Step;
import io.github.deepcleermock.mock.pipeline.VendorCode;
import io.github.deepcleermock.mock.streams.StreamRecord;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.streams.StreamStore;
import io.github.deepcleermock.mock.time.TimeSource;

/**
 * Close: ACTIVE → CLOSED exactly once (by requestId or any dupRequestId), then the end callback; a CLOSED stream
 * answers 1100 again without a second callback; an unknown id follows the {@link UnknownStreamPolicy}.
 */
final class CloseStream implements Step<CloseCall> {

  private final StreamStore streams;
  private final TimeSource time;
  private final UnknownStreamPolicy unknownStreams;
  private final StreamClosedListener listener;

  CloseStream(
      StreamStore streams, TimeSource time, UnknownStreamPolicy unknownStreams, StreamClosedListener listener) {
    this.streams = streams;
    this.time = time;
    this.unknownStreams = unknownStreams;
    this.listener = listener;
  }

  @Override
  public Outcome apply(CloseCall call) {
    StreamRecord stream = streams.get(call.requestId());
    if (stream == null) {
      return unknown(call, false);
    }
    if (!stream.accessKey().equals(call.accessKey())) {
      return unknown(call, true);
    }
    if (stream.close(time.now())) {
      listener.streamClosed(stream);
      return call.answer(VendorCode.SUCCESS, null);
    }
    return call.answer(
        VendorCode.SUCCESS,
        stream.state() == StreamState.ENDED ? "stream had already ended" : "stream was already closed");
  }

  private Outcome unknown(CloseCall call, boolean otherKey) {
    boolean reject = unknownStreams == UnknownStreamPolicy.REJECT;
    VendorCode code = reject ? VendorCode.INVALID_PARAMETERS : VendorCode.SUCCESS;
    String reason = otherKey
        ? (reject ? OTHER_KEY_REJECTED : OTHER_KEY_ACCEPTED)
        : (reject ? UNKNOWN_REJECTED : UNKNOWN_ACCEPTED);
    return call.answer(code.code(), code.message(), reason, true);
  }

  // Constants, not concatenations per request: the journal keeps each answer's reason, and a fresh string per
  // request would be one more live object per journal entry for every young collection to copy.
  private static final String UNKNOWN_ACCEPTED = "unknown stream (unknownStream policy: accept)";
  private static final String UNKNOWN_REJECTED = "unknown stream (unknownStream policy: reject)";
  private static final String OTHER_KEY_ACCEPTED = "stream belongs to another access key (unknownStream policy: accept)";
  private static final String OTHER_KEY_REJECTED = "stream belongs to another access key (unknownStream policy: reject)";
}
