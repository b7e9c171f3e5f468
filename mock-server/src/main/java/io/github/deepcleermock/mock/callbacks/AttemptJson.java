package io.github.deepcleermock.mock.callbacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A callback attempt as one JSON text, every field and the payload, for a log kept outside the process. */
public final class AttemptJson {

  private final ObjectMapper mapper = new ObjectMapper();

  /** The attempt as JSON. */
  public String write(CallbackAttempt attempt) {
    ObjectNode node = mapper.createObjectNode();
    node.put("deliveryId", attempt.deliveryId());
    node.put("streamRequestId", attempt.streamRequestId());
    node.put("kind", attempt.kind().name());
    node.put("contentType", attempt.contentType());
    node.put("target", attempt.target());
    node.put("attempt", attempt.attempt());
    node.put("at", attempt.at().toString());
    node.put("httpStatus", attempt.httpStatus());
    node.put("error", attempt.error());
    node.put("outcome", attempt.outcome().name());
    node.put("nextAttemptAt", attempt.nextAttemptAt() == null ? null : attempt.nextAttemptAt().toString());
    node.set("payload", attempt.payload());
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a callback attempt", e);
    }
  }

  /** The attempt {@link #write(CallbackAttempt)} wrote. */
  public CallbackAttempt read(String json) {
    JsonNode node;
    try {
      node = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a callback attempt in the store is not JSON", e);
    }
    JsonNode payload = node.get("payload");
    return new CallbackAttempt(
        node.path("deliveryId").asText(),
        node.path("streamRequestId").asText(),
        CallbackKind.valueOf(node.path("kind").asText()),
        node.path("contentType").asInt(),
        node.path("target").asText(),
        node.path("attempt").asInt(),
        Instant.parse(node.path("at").asText()),
        node.path("httpStatus").isNull() ? null : node.path("httpStatus").asInt(),
        node.path("error").isNull() ? null : node.path("error").asText(),
        CallbackOutcome.valueOf(node.path("outcome").asText()),
        node.path("nextAttemptAt").isNull() ? null : Instant.parse(node.path("nextAttemptAt").asText()),
        payload instanceof ObjectNode object ? object : null);
  }
}
