package io.github.deepcleermock.mock.callbacks;

/** Which of the vendor's three callback bodies a delivery carries. */
public enum CallbackKind {
  /** A frame result (contentType 1, {@code frameDetail}). */
  FRAME_RESULT,
  /** An audio segment result (contentType 2, {@code audioDetail}). */
  AUDIO_RESULT,
  /** The stream-end callback (statCode 1). */
  STREAM_END
}
