package io.github.deepcleermock.mock.journal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One vendor-side request as the mock saw and answered it.
 *
 * @param seq rising number, never reused (not even across resets)
 * @param time when the request arrived
 * @param method HTTP method
 * @param path request path
 * @param accessKey the parsed accessKey, or null when the body had none
 * @param requestId the parsed requestId, or null when the body had none
 * @param code the answered code, or null for a transport fault
 * @param reason why the mock answered so (X-Mock-Reason), or null for a plain success
 * @param unknownStream whether the close addressed an id the mock does not know
 * @param faultId the fault rule that fired, or null
 * @param responseRequestId the requestId of the answer
 * @param latencyNanos time from arrival to decision (an injected delay is not included)
 * @param body the first 4 KiB of the body as received
 * @param bodyTruncated whether the body was longer than what is kept
 */
public record JournalEntry(
    long seq,
    Instant time,
    String method,
    String path,
    String accessKey,
    String requestId,
    Integer code,
    String reason,
    boolean unknownStream,
    String faultId,
    String responseRequestId,
    long latencyNanos,
    byte[] body,
    boolean bodyTruncated) {

  /** The kept body decoded as UTF-8 (invalid bytes become U+FFFD). */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Latency in milliseconds, fractional. */
  public double latencyMs() {
    return latencyNanos / 1_000_000.0;
  }
}
