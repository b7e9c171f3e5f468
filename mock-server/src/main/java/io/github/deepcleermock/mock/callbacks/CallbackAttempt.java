package io.github.deepcleermock.mock.callbacks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One attempt to deliver a callback (a frame or audio result, or a stream end).
 *
 * @param deliveryId the delivery this attempt belongs to (one per callback message and target)
 * @param streamRequestId the requestId of the stream the callback is about
 * @param kind a frame result, an audio result or the stream end
 * @param contentType 1 (image) or 2 (audio)
 * @param target the receiver's URL
 * @param attempt 1 for the first attempt
 * @param at when the attempt was made
 * @param httpStatus the receiver's status, or null when it did not answer
 * @param error why the attempt failed, or null when delivered
 * @param outcome how it ended
 * @param nextAttemptAt when the next attempt is due, or null
 * @param payload the JSON sent (shared by all attempts of a delivery)
 */
public record CallbackAttempt(
    String deliveryId,
    String streamRequestId,
    CallbackKind kind,
    int contentType,
    String target,
    int attempt,
    Instant at,
    Integer httpStatus,
    String error,
    CallbackOutcome outcome,
    Instant nextAttemptAt,
    ObjectNode payload) {}
