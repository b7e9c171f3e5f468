package io.github.deepcleermock.mock.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.simulation.Script;
import io.github.deepcleermock.mock.simulation.ScriptJson;
import java.util.List;

/**
 * The provider states of the callback message pact, read from Pact's {@code providerStates} list: which stream
 * plays which script, and when (if at all) the client closes it.
 *
 * <ul>
 *   <li>{@value #STREAM_PLAYS_A_SCRIPT} {accessKey?, requestId, script, audio? (default true), returnFinishInfo?
 *       (default 1), data? (the stream's data)}
 *   <li>{@value #CLIENT_CLOSES_THE_STREAM} {seconds}
 * </ul>
 *
 * @param accessKey the stream's access key
 * @param requestId the stream's requestId
 * @param script what the simulation finds
 * @param audio whether audio is moderated (an audioCallback is set)
 * @param returnFinishInfo the stream's returnFinishInfo
 * @param data the stream's {@code data}
 * @param closeAfterSeconds when the client closes it, null for never
 */
public record MessageStates(
    String accessKey, String requestId, Script script, boolean audio, int returnFinishInfo, ObjectNode data,
    Long closeAfterSeconds) {

  /** The state that seeds the stream and its script. */
  public static final String STREAM_PLAYS_A_SCRIPT = "stream plays a script";
  /** The state that closes the stream through the client's close after some seconds. */
  public static final String CLIENT_CLOSES_THE_STREAM = "client closes the stream";
  /** Every known state name. */
  public static final List<String> NAMES = List.of(STREAM_PLAYS_A_SCRIPT, CLIENT_CLOSES_THE_STREAM);

  /**
   * Reads Pact's {@code providerStates} ([{name, params}]).
   *
   * @throws IllegalArgumentException naming the field, for an unknown state, a missing stream or a bad value
   */
  public static MessageStates read(JsonNode states) {
    if (states == null || !states.isArray()) {
      throw new IllegalArgumentException("providerStates: must be an array of {name, params}");
    }
    ObjectNode stream = null;
    String streamAt = null;
    Long close = null;
    int i = 0;
    for (JsonNode state : states) {
      String at = "providerStates[" + i++ + "]";
      if (!state.isObject() || !state.path("name").isTextual()) {
        throw new IllegalArgumentException(at + ".name: is required (a text)");
      }
      JsonNode params = state.path("params");
      if (!params.isMissingNode() && !params.isNull() && !params.isObject()) {
        throw new IllegalArgumentException(at + ".params: must be an object");
      }
      ObjectNode given = params.isObject() ? (ObjectNode) params : JsonNodeFactory.instance.objectNode();
      String name = state.get("name").asText();
      switch (name) {
        case STREAM_PLAYS_A_SCRIPT -> {
          stream = given;
          streamAt = at;
        }
        case CLIENT_CLOSES_THE_STREAM -> {
          JsonNode seconds = given.path("seconds");
          if (!seconds.canConvertToLong() || !seconds.isIntegralNumber() || seconds.asLong() < 0) {
            throw new IllegalArgumentException(at + ".params.seconds: must be a whole number >= 0");
          }
          close = seconds.asLong();
        }
        default -> throw new IllegalArgumentException(
            at + ".name: unknown state '" + name + "'; known states: " + String.join(", ", NAMES));
      }
    }
    if (stream == null) {
      throw new IllegalArgumentException("providerStates: needs the state '" + STREAM_PLAYS_A_SCRIPT + "'");
    }
    String at = streamAt + ".params.";
    String requestId = stream.path("requestId").isTextual() ? stream.get("requestId").asText() : null;
    if (requestId == null || requestId.isBlank()) {
      throw new IllegalArgumentException(at + "requestId: is required (a text)");
    }
    String accessKey = stream.path("accessKey").isTextual() ? stream.get("accessKey").asText() : "YOUR_ACCESS_KEY";
    if (!stream.has("script")) {
      throw new IllegalArgumentException(at + "script: is required");
    }
    Script script = ScriptJson.script(at + "script", stream.get("script"));
    JsonNode audio = stream.path("audio");
    if (!audio.isMissingNode() && !audio.isBoolean()) {
      throw new IllegalArgumentException(at + "audio: must be a boolean");
    }
    JsonNode finish = stream.path("returnFinishInfo");
    if (!finish.isMissingNode() && !(finish.isInt() && (finish.asInt() == 0 || finish.asInt() == 1))) {
      throw new IllegalArgumentException(at + "returnFinishInfo: must be 0 or 1");
    }
    JsonNode data = stream.path("data");
    if (!data.isMissingNode() && !data.isObject()) {
      throw new IllegalArgumentException(at + "data: must be an object");
    }
    return new MessageStates(accessKey, requestId, script, audio.asBoolean(true), finish.asInt(1),
        data.isObject() ? ((ObjectNode) data).deepCopy() : JsonNodeFactory.instance.objectNode(), close);
  }
}
