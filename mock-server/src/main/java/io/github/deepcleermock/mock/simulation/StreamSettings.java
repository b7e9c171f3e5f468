package io.github.deepcleermock.mock.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.streams.StreamSpec;

/**
 * The submitted settings that shape a stream's simulation, read from its {@code data} (reference §3.2) with the
 * vendor's defaults and limits.
 *
 * @param detectFrequency seconds between captured frames (1..60, default 3; fractions round down, below 1 is 1)
 * @param detectStep only every detectStep-th frame is moderated (default 1)
 * @param detectStepGiven whether data set detectStep (frames then carry {@code auxInfo.detectType})
 * @param audioDetectStep only every audioDetectStep-th segment is moderated (1..36, default 1)
 * @param returnAllImg 1: a result callback for every frame, 0: only for frames that do not pass
 * @param returnAllText 1: a result callback for every segment, 0: only for segments that do not pass
 * @param returnPreText 1: a rejected segment's {@code content} also covers the previous segment
 * @param returnPreAudio 1: a rejected segment carries {@code preAudioUrl} (the previous and this segment)
 * @param agora whether the stream type is AGORA (its pull is not retried)
 */
public record StreamSettings(
    int detectFrequency,
    int detectStep,
    boolean detectStepGiven,
    int audioDetectStep,
    int returnAllImg,
    int returnAllText,
    int returnPreText,
    int returnPreAudio,
    boolean agora) {

  /** The settings of a stream with empty {@code data}. */
  public static final StreamSettings DEFAULT = new StreamSettings(3, 1, false, 1, 0, 0, 0, 0, false);

  /**
   * Reads the settings of a submitted stream.
   *
   * @throws IllegalArgumentException naming the field ({@code data.detectFrequency: ...}) when a value is invalid
   */
  public static StreamSettings of(StreamSpec spec) {
    return of(spec.data());
  }

  /**
   * Reads the settings of a stream from its {@code data}; streams with the defaults share {@link #DEFAULT}.
   *
   * @throws IllegalArgumentException naming the field ({@code data.detectFrequency: ...}) when a value is invalid
   */
  public static StreamSettings of(ObjectNode data) {
    JsonNode frequency = data.get("detectFrequency");
    int seconds = 3;
    if (frequency != null && !frequency.isNull()) {
      if (!frequency.isNumber()) {
        throw new IllegalArgumentException("data.detectFrequency: must be a number");
      }
      double value = frequency.doubleValue();
      if (value > 60) {
        throw new IllegalArgumentException("data.detectFrequency: must be at most 60 seconds, was " + value);
      }
      seconds = value < 1 ? 1 : (int) Math.floor(value);
    }
    Integer step = integer(data, "detectStep", 1, Integer.MAX_VALUE);
    Integer audioStep = integer(data, "audioDetectStep", 1, 36);
    JsonNode type = data.get("streamType");
    StreamSettings settings = new StreamSettings(
        seconds,
        step == null ? 1 : step,
        step != null,
        audioStep == null ? 1 : audioStep,
        flag(data, "returnAllImg"),
        flag(data, "returnAllText"),
        flag(data, "returnPreText"),
        flag(data, "returnPreAudio"),
        type != null && "AGORA".equals(type.asText()));
    return settings.isDefault() ? DEFAULT : settings;
  }

  /** Field by field (cheaper than the record's generated equals, on the submit path). */
  private boolean isDefault() {
    return detectFrequency == 3 && detectStep == 1 && !detectStepGiven && audioDetectStep == 1 && returnAllImg == 0
        && returnAllText == 0 && returnPreText == 0 && returnPreAudio == 0 && !agora;
  }

  private static Integer integer(ObjectNode data, String field, int min, int max) {
    JsonNode value = data.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
      throw new IllegalArgumentException(
          "data." + field + ": must be an integer " + (max == Integer.MAX_VALUE ? "of at least " + min
              : min + ".." + max));
    }
    return value.intValue();
  }

  private static int flag(ObjectNode data, String field) {
    Integer value = integer(data, field, 0, 1);
    return value == null ? 0 : value;
  }
}
