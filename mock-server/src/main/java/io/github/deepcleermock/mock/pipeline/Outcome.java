package io.github.deepcleermock.mock.pipeline;

import io.github.deepcleermock.mock.faults.TransportFault;

/**
 * What a vendor endpoint's pipeline decided for one request: the code and message to answer (or a transport fault),
 * why, and how long to hold the answer back.
 *
 * @param code the code to answer; ignored when {@code transportFault} is set
 * @param message the message for {@code code}
 * @param reason why the mock answered so (ASCII, never echoing raw input), or null for a plain success
 * @param accessKey the parsed accessKey, or null
 * @param requestId the parsed requestId (close), the opened or running task's id (submit), or null
 * @param unknownStream whether a close addressed no stream of the key
 * @param faultId the fault rule that fired, or null
 * @param delayNanos how long to hold the answer back
 * @param transportFault break the exchange instead of answering, or null
 * @param closeConnection close the connection after answering (an unread oversized body)
 * @param answerId the answer's {@code requestId} (a submit's new task id), or null for a fresh id of the call
 * @param dupRequestId the running task a duplicate submit found ({@code detail.dupRequestId}), or null
 */
public record Outcome(
    int code,
    String message,
    String reason,
    String accessKey,
    String requestId,
    boolean unknownStream,
    String faultId,
    long delayNanos,
    TransportFault transportFault,
    boolean closeConnection,
    ResponseId answerId,
    String dupRequestId) {

  /** The {@code detail.errorCode} of a duplicate submit. */
  public static final int DUPLICATE_ERROR_CODE = 1001;

  /** Whether the answer is a plain HTTP 200 with a JSON body. */
  public boolean answers() {
    return transportFault == null;
  }

  /** The id the answer carries: the task's for an opened stream, else {@code fresh}. */
  public ResponseId answerIdOr(ResponseId fresh) {
    return answerId != null ? answerId : fresh;
  }
}
