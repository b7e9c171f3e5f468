package io.github.deepcleermock.mock.http;

/**
 * A request body as the edge received it: its bytes, or what went wrong while reading it.
 *
 * @param bytes buffer holding the body (or the part received) in its first {@code length} bytes; not copied
 * @param length how many bytes were received
 * @param declaredLength the Content-Length, or -1 for a chunked body
 * @param limit the endpoint's body limit in bytes
 * @param deadlineSeconds the read deadline, for reasons
 * @param problem null when the body is complete
 */
record ReceivedBody(byte[] bytes, int length, long declaredLength, int limit, long deadlineSeconds,
    BodyProblem problem) {

  /** Whether the body arrived whole and within the limit. */
  boolean complete() {
    return problem == null;
  }

  /**
   * Why the body is not usable, for {@code X-Mock-Reason} and the journal: ASCII, counts only, never the bytes.
   */
  String reason() {
    if (problem == null) {
      return null;
    }
    String expected = declaredLength >= 0 ? " of " + declaredLength + " declared bytes" : " of a chunked body";
    return switch (problem) {
      case TOO_LARGE -> "body exceeds " + limit + " bytes";
      case TOO_SLOW -> "body incomplete after " + deadlineSeconds + " s: received " + length + expected
          + " (too slow a sender)";
      case BAD_FRAMING -> "body framing is invalid: malformed chunked encoding after " + length + " bytes";
      case ENDED_EARLY -> declaredLength >= 0
          ? "body ended after " + length + expected + " (shorter than its Content-Length)"
          : "body ended after " + length + " bytes without the last chunk";
      case ABORTED -> "client aborted: the connection failed after " + length + " bytes of the body";
    };
  }
}
