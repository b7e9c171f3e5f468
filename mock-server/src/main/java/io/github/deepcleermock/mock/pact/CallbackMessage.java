package io.github.deepcleermock.mock.pact;

import io.github.deepcleermock.mock.callbacks.CallbackKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The message descriptions the mock can produce for Pact message verification, each naming which callback of a
 * sandbox run is the message: the first one of its kind sent to its medium's receiver.
 */
public enum CallbackMessage {
  /** The first frame result (contentType 1) the script produces. */
  REJECTED_FRAME_RESULT("a rejected frame result", CallbackKind.FRAME_RESULT, 1),
  /** The first audio result (contentType 2) the script produces. */
  AUDIO_RESULT("an audio result", CallbackKind.AUDIO_RESULT, 2),
  /** The image end callback (contentType 1) of a stream the client closed. */
  END_AFTER_CLOSE("an end callback after a close", CallbackKind.STREAM_END, 1),
  /** The image end callback (contentType 1) of a stream whose pull failed. */
  END_AFTER_PULL_FAILURE("an end callback after a pull failure", CallbackKind.STREAM_END, 1),
  /** The audio end callback (contentType 2) of a stream that ended. */
  AUDIO_END("an audio end callback", CallbackKind.STREAM_END, 2);

  private final String description;
  private final CallbackKind kind;
  private final int contentType;

  CallbackMessage(String description, CallbackKind kind, int contentType) {
    this.description = description;
    this.kind = kind;
    this.contentType = contentType;
  }

  /** The Pact message description. */
  public String description() {
    return description;
  }

  /** The kind of callback that is the message. */
  public CallbackKind kind() {
    return kind;
  }

  /** The callback's contentType (1 image, 2 audio). */
  public int contentType() {
    return contentType;
  }

  /** The message with this description, if the mock knows it. */
  public static Optional<CallbackMessage> byDescription(String description) {
    return Arrays.stream(values()).filter(m -> m.description.equals(description)).findFirst();
  }

  /** Every known description, in declaration order. */
  public static List<String> descriptions() {
    return Arrays.stream(values()).map(CallbackMessage::description).toList();
  }
}
