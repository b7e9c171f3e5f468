package io.github.deepcleermock.mock.journal;

import io.github.deepcleermock.mock.pipeline.ResponseId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One vendor-side request as the mock saw and answered it.
 *
 * <p>A snapshot: the journal stores the fields in preallocated slots and builds entries when they are read. Time,
 * code and answer id are primitives so that recording one costs no {@code Instant}, {@code Integer} or hex string.
 */
public final class JournalEntry {

  private static final int NO_CODE = Integer.MIN_VALUE;

  private final long seq;
  private final long epochNanos;
  private final String method;
  private final String path;
  private final String accessKey;
  private final String requestId;
  private final int code;
  private final String reason;
  private final boolean unknownStream;
  private final String faultId;
  private final boolean answered;
  private final long responseIdHigh;
  private final long responseIdLow;
  private final long latencyNanos;
  private final byte[] body;
  private final boolean bodyTruncated;
  /** Bits of {@link JournalSlots}' TRUNCATED_* constants: fields the journal kept only the start of. */
  private final int truncatedFields;

  /**
   * @param seq rising number, never reused (not even across resets)
   * @param epochNanos when the request arrived, nanoseconds since the epoch
   * @param method HTTP method
   * @param path request path
   * @param accessKey the parsed accessKey, or null when the body had none
   * @param requestId the parsed requestId, or null when the body had none
   * @param code the answered code, or null for a transport fault or a request to no endpoint
   * @param reason why the mock answered so (X-Mock-Reason), or null for a plain success
   * @param unknownStream whether the close addressed an id the mock does not know
   * @param faultId the fault rule that fired, or null
   * @param responseId the id of the answer, or null when there was no close answer
   * @param latencyNanos time from arrival to decision (an injected delay is not included)
   * @param body the first 4 KiB of the body as received (kept, not copied)
   * @param bodyTruncated whether the body was longer than what is kept
   */
  public JournalEntry(
      long seq,
      long epochNanos,
      String method,
      String path,
      String accessKey,
      String requestId,
      Integer code,
      String reason,
      boolean unknownStream,
      String faultId,
      ResponseId responseId,
      long latencyNanos,
      byte[] body,
      boolean bodyTruncated) {
    this(seq, epochNanos, method, path, accessKey, requestId, code, reason, unknownStream, faultId, responseId,
        latencyNanos, body, bodyTruncated, 0);
  }

  private JournalEntry(
      long seq,
      long epochNanos,
      String method,
      String path,
      String accessKey,
      String requestId,
      Integer code,
      String reason,
      boolean unknownStream,
      String faultId,
      ResponseId responseId,
      long latencyNanos,
      byte[] body,
      boolean bodyTruncated,
      int truncatedFields) {
    this.seq = seq;
    this.epochNanos = epochNanos;
    this.method = method;
    this.path = path;
    this.accessKey = accessKey;
    this.requestId = requestId;
    this.code = code == null ? NO_CODE : code;
    this.reason = reason;
    this.unknownStream = unknownStream;
    this.faultId = faultId;
    this.answered = responseId != null;
    this.responseIdHigh = responseId == null ? 0 : responseId.high();
    this.responseIdLow = responseId == null ? 0 : responseId.low();
    this.latencyNanos = latencyNanos;
    this.body = body;
    this.bodyTruncated = bodyTruncated;
    this.truncatedFields = truncatedFields;
  }

  /** Rebuilds an entry from its stored parts (the journal keeps fields, not entries). */
  static JournalEntry restored(
      long seq, long epochNanos, String method, String path, String accessKey, String requestId, int code,
      String reason, boolean unknownStream, String faultId, boolean answered, long responseIdHigh,
      long responseIdLow, long latencyNanos, byte[] body, boolean bodyTruncated, int truncatedFields) {
    return new JournalEntry(
        seq, epochNanos, method, path, accessKey, requestId, code == NO_CODE ? null : code, reason, unknownStream,
        faultId, answered ? new ResponseId(responseIdHigh, responseIdLow) : null, latencyNanos, body,
        bodyTruncated, truncatedFields);
  }

  long epochNanos() {
    return epochNanos;
  }

  int rawCode() {
    return code;
  }

  boolean answered() {
    return answered;
  }

  long responseIdHigh() {
    return responseIdHigh;
  }

  long responseIdLow() {
    return responseIdLow;
  }

  public long seq() {
    return seq;
  }

  /** When the request arrived. */
  public Instant time() {
    return Instant.ofEpochSecond(0, epochNanos);
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public String accessKey() {
    return accessKey;
  }

  public String requestId() {
    return requestId;
  }

  /** The answered code, or null for a transport fault or a request to no endpoint. */
  public Integer code() {
    return code == NO_CODE ? null : code;
  }

  public String reason() {
    return reason;
  }

  public boolean unknownStream() {
    return unknownStream;
  }

  public String faultId() {
    return faultId;
  }

  /** The requestId of the answer (32 hex), or null when there was no close answer. */
  public String responseRequestId() {
    return answered ? new ResponseId(responseIdHigh, responseIdLow).hex() : null;
  }

  public long latencyNanos() {
    return latencyNanos;
  }

  /** The kept body bytes (do not modify). */
  public byte[] body() {
    return body;
  }

  public boolean bodyTruncated() {
    return bodyTruncated;
  }

  /**
   * Names of the fields the journal kept only the start of ({@code path}, {@code accessKey}, {@code requestId}):
   * each is capped so that oversized input cannot grow the journal's memory. The body has {@link #bodyTruncated()}.
   */
  public java.util.List<String> truncatedFields() {
    if (truncatedFields == 0) {
      return java.util.List.of();
    }
    java.util.List<String> names = new java.util.ArrayList<>(3);
    if ((truncatedFields & JournalSlots.TRUNCATED_PATH) != 0) {
      names.add("path");
    }
    if ((truncatedFields & JournalSlots.TRUNCATED_ACCESS_KEY) != 0) {
      names.add("accessKey");
    }
    if ((truncatedFields & JournalSlots.TRUNCATED_REQUEST_ID) != 0) {
      names.add("requestId");
    }
    return java.util.List.copyOf(names);
  }

  /** The kept body decoded as UTF-8 (invalid bytes become U+FFFD). */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Latency in milliseconds, fractional. */
  public double latencyMs() {
    return latencyNanos / 1_000_000.0;
  }

  @Override
  public String toString() {
    return "JournalEntry[seq=" + seq + ", " + method + " " + path + ", code=" + code() + ", reason=" + reason + "]";
  }
}
