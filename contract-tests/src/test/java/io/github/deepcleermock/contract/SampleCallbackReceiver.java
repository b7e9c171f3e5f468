package io.github.deepcleermock.contract;

import io.github.deepcleermock.client.CallbackParser;
import io.github.deepcleermock.client.ReceivedCallback;
import io.github.deepcleermock.client.model.AudioResultCallback;
import io.github.deepcleermock.client.model.FrameResultCallback;
import io.github.deepcleermock.client.model.RiskLevel;
import io.github.deepcleermock.client.model.StreamEndCallback;
import java.util.Map;
import java.util.Objects;

/**
 * A small callback receiver as a team would write it on the generated models and {@link CallbackParser}: it turns
 * each callback body into the decision its moderation workflow acts on. The message pact records exactly the fields
 * this code reads.
 */
public final class SampleCallbackReceiver {

  /** What the receiver decides for one callback. */
  public sealed interface Decision permits TakeDownFrame, ReviewAudio, StreamFinished, NothingToDo {}

  /** A rejected frame: take the stream's picture down, keyed by the submitter's passThrough. */
  public record TakeDownFrame(String callbackId, String imageUrl, String label, Map<String, Object> passThrough)
      implements Decision {}

  /** A risky audio segment: a person reviews its transcript. */
  public record ReviewAudio(String callbackId, RiskLevel level, String transcript, Map<String, Object> requestParams)
      implements Decision {}

  /**
   * The stream ended for one medium: its worst verdict, the seconds moderated and, after a pull failure, the error
   * code (null after a close or a natural end).
   */
  public record StreamFinished(
      String requestId, int contentType, RiskLevel worst, long seconds, boolean pulled, Integer pullErrorCode)
      implements Decision {}

  /** A callback that needs no action (a PASS result). */
  public record NothingToDo(String why) implements Decision {}

  /** Decides what to do with one callback body. */
  public Decision handle(byte[] body) {
    ReceivedCallback callback = CallbackParser.parse(body);
    if (callback instanceof ReceivedCallback.FrameResult frame) {
      return frame(frame.body());
    }
    if (callback instanceof ReceivedCallback.AudioResult audio) {
      return audio(audio.body());
    }
    return end(((ReceivedCallback.StreamEnd) callback).body());
  }

  private static Decision frame(FrameResultCallback frame) {
    if (frame.getFrameDetail().getRiskLevel() != RiskLevel.REJECT) {
      return new NothingToDo("frame " + frame.getFrameDetail().getRiskLevel());
    }
    return new TakeDownFrame(
        frame.getRequestId(),
        frame.getFrameDetail().getImgUrl(),
        frame.getFrameDetail().getRiskLabel1(),
        frame.getAuxInfo() == null ? Map.of() : frame.getAuxInfo().getPassThrough());
  }

  private static Decision audio(AudioResultCallback audio) {
    if (audio.getAudioDetail().getRiskLevel() == RiskLevel.PASS) {
      return new NothingToDo("audio PASS");
    }
    return new ReviewAudio(
        audio.getRequestId(),
        audio.getAudioDetail().getRiskLevel(),
        audio.getAudioDetail().getContent(),
        audio.getRequestParams());
  }

  private static Decision end(StreamEndCallback end) {
    return new StreamFinished(
        end.getRequestId(),
        Objects.requireNonNull(end.getContentType(), "contentType").getValue(),
        end.getRiskLevel(),
        end.getAuxInfo().getStreamTime(),
        Boolean.TRUE.equals(end.getPullStreamSuccess()),
        end.getAuxInfo().getErrorCode());
  }
}
