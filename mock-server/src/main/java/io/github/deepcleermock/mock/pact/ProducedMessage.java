package io.github.deepcleermock.mock.pact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A callback message as a Pact verifier compares it: the body the dispatcher sent and its metadata.
 *
 * @param body the callback's JSON body, as sent
 * @param metadata {@code contentType} (always {@code application/json}), {@code kind}, {@code target}
 *     ({@code imgCallback} or {@code audioCallback}) and {@code streamRequestId}
 */
public record ProducedMessage(ObjectNode body, Map<String, Object> metadata) {}
