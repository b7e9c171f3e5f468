package io.github.deepcleermock.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.deepcleermock.client.invoker.JSON;
import io.github.deepcleermock.client.model.AudioResultCallback;
import io.github.deepcleermock.client.model.FrameResultCallback;
import io.github.deepcleermock.client.model.StreamEndCallback;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns the body a callback receiver got into one of the spec's three callback models: {@code statCode} 1 is a
 * stream end; otherwise {@code contentType} 1 is a frame result and 2 an audio result ({@code statCode} is absent
 * from results when the submit had {@code returnFinishInfo} 0, so it cannot decide alone). Fields the models do
 * not know are ignored, as the generated client does for answers.
 *
 * <pre>{@code
 * switch (CallbackParser.parse(body)) ... // or:
 * if (CallbackParser.parse(body) instanceof ReceivedCallback.FrameResult frame
 *     && frame.body().getFrameDetail().getRiskLevel() == RiskLevel.REJECT) { ... }
 * }</pre>
 */
public final class CallbackParser {

  private static final ObjectMapper MAPPER = new JSON().getMapper();

  private CallbackParser() {}

  /**
   * Parses a UTF-8 JSON body.
   *
   * @throws IllegalArgumentException when the body is not JSON or not one of the three callbacks
   */
  public static ReceivedCallback parse(byte[] body) {
    return parse(new String(body, StandardCharsets.UTF_8));
  }

  /**
   * Parses a JSON body.
   *
   * @throws IllegalArgumentException when the body is not JSON or not one of the three callbacks
   */
  public static ReceivedCallback parse(String body) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("callback body is not JSON: " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException("callback body is not a JSON object");
    }
    try {
      if (tree.path("statCode").asInt(-1) == 1) {
        return new ReceivedCallback.StreamEnd(MAPPER.treeToValue(tree, StreamEndCallback.class));
      }
      int contentType = tree.path("contentType").asInt(-1);
      if (contentType == 1) {
        return new ReceivedCallback.FrameResult(MAPPER.treeToValue(tree, FrameResultCallback.class));
      }
      if (contentType == 2) {
        return new ReceivedCallback.AudioResult(MAPPER.treeToValue(tree, AudioResultCallback.class));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("callback body does not fit its model: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(
        "callback body is neither a stream end (statCode 1) nor a result (contentType 1 or 2)");
  }
}
