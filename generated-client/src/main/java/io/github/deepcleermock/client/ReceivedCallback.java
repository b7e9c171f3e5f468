package io.github.deepcleermock.client;

import io.github.deepcleermock.client.model.AudioResultCallback;
import io.github.deepcleermock.client.model.FrameResultCallback;
import io.github.deepcleermock.client.model.StreamEndCallback;

/**
 * A callback body the service POSTed to a receiver, as one of the three kinds the spec describes; {@link
 * CallbackParser#parse} makes one. Switch over it with {@code instanceof} patterns.
 */
public sealed interface ReceivedCallback
    permits ReceivedCallback.FrameResult, ReceivedCallback.AudioResult, ReceivedCallback.StreamEnd {

  /** A frame result (contentType 1, {@code frameDetail}). */
  record FrameResult(FrameResultCallback body) implements ReceivedCallback {}

  /** An audio segment result (contentType 2, {@code audioDetail}). */
  record AudioResult(AudioResultCallback body) implements ReceivedCallback {}

  /** The stream-end callback (statCode 1), one per moderated medium. */
  record StreamEnd(StreamEndCallback body) implements ReceivedCallback {}
}
