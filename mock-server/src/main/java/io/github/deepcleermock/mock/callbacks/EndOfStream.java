package io.github.deepcleermock.mock.callbacks;

/**
 * How a stream ended, as its end callbacks report it. A null field is filled in from the stream's simulation (see
 * {@link #completedWith}): the worst verdict of each medium, whether a frame was ever pulled, the seconds moderated.
 *
 * @param errorCode the vendor's end reason (3001–3005 for pull failures), or null for a close or a natural end
 * @param riskLevel the verdict of the image end callback (contentType 1): PASS, REVIEW or REJECT; null = worst seen
 * @param pullStreamSuccess false if not a single frame was ever captured; null = as the simulation saw it
 * @param audioRiskLevel the verdict of the audio end callback (contentType 2); null = worst seen
 * @param streamSeconds {@code auxInfo.streamTime}; null = whole seconds the stream was open
 */
public record EndOfStream(
    Integer errorCode, String riskLevel, Boolean pullStreamSuccess, String audioRiskLevel, Long streamSeconds) {

  /** A close by the client: no errorCode; everything else as the simulation saw it. */
  public static final EndOfStream CLOSED_BY_CLIENT = new EndOfStream(null, null, null, null, null);

  public EndOfStream {
    check(riskLevel);
    check(audioRiskLevel);
    if (streamSeconds != null && streamSeconds < 0) {
      throw new IllegalArgumentException("streamSeconds: must not be negative");
    }
  }

  /** An end with one verdict for both media (the admin end call's shape). */
  public EndOfStream(Integer errorCode, String riskLevel, boolean pullStreamSuccess) {
    this(errorCode, riskLevel, pullStreamSuccess, riskLevel, null);
  }

  /** This end with its null fields filled in. */
  public EndOfStream completedWith(String image, String audio, boolean pulled, long seconds) {
    return new EndOfStream(
        errorCode,
        riskLevel != null ? riskLevel : image,
        pullStreamSuccess != null ? pullStreamSuccess : pulled,
        audioRiskLevel != null ? audioRiskLevel : audio,
        streamSeconds != null ? streamSeconds : seconds);
  }

  /** The verdict for {@code contentType} (1 image, 2 audio); PASS when not known. */
  public String riskLevel(int contentType) {
    String level = contentType == 2 ? audioRiskLevel : riskLevel;
    return level == null ? "PASS" : level;
  }

  /** Whether the stream was pulled; true when not known. */
  public boolean pulled() {
    return pullStreamSuccess == null || pullStreamSuccess;
  }

  private static void check(String level) {
    if (level != null && !level.equals("PASS") && !level.equals("REVIEW") && !level.equals("REJECT")) {
      throw new IllegalArgumentException("riskLevel: must be PASS, REVIEW or REJECT");
    }
  }
}
