package io.github.deepcleermock.mock.callbacks;

/**
 * How a stream ended, as the end callback reports it.
 *
 * @param errorCode the vendor's end reason (3001–3005 for pull failures), or null for a close or a natural end
 * @param riskLevel the stream's overall verdict: PASS, REVIEW or REJECT
 * @param pullStreamSuccess false if not a single frame was ever captured
 */
public record EndOfStream(Integer errorCode, String riskLevel, boolean pullStreamSuccess) {

  /** A close by the client: no errorCode, verdict PASS, the stream was pulled. */
  public static final EndOfStream CLOSED_BY_CLIENT = new EndOfStream(null, "PASS", true);

  public EndOfStream {
    if (riskLevel == null) {
      riskLevel = "PASS";
    }
    if (!riskLevel.equals("PASS") && !riskLevel.equals("REVIEW") && !riskLevel.equals("REJECT")) {
      throw new IllegalArgumentException("riskLevel: must be PASS, REVIEW or REJECT");
    }
  }
}
