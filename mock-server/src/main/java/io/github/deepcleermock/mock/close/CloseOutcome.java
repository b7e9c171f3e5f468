package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.faults.TransportFault;

/**
 * What the pipeline decided for one close request: the code and message to answer (or a transport fault), why,
 * and how long to hold the answer back.
 *
 * @param code the code to answer; ignored when {@code transportFault} is set
 * @param message the message for {@code code}
 * @param reason why the mock answered so (ASCII, never echoing raw input), or null for a plain close
 * @param accessKey the parsed accessKey, or null
 * @param requestId the parsed requestId, or null
 * @param unknownStream whether the id addressed no stream of the key
 * @param faultId the fault rule that fired, or null
 * @param delayNanos how long to hold the answer back
 * @param transportFault break the exchange instead of answering, or null
 * @param closeConnection close the connection after answering (an unread oversized body)
 */
public record CloseOutcome(
    int code,
    String message,
    String reason,
    String accessKey,
    String requestId,
    boolean unknownStream,
    String faultId,
    long delayNanos,
    TransportFault transportFault,
    boolean closeConnection) {

  /** Whether the answer is a plain HTTP 200 with a JSON body. */
  public boolean answers() {
    return transportFault == null;
  }
}
