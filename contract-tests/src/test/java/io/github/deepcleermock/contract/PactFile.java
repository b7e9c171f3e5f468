package io.github.deepcleermock.contract;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pact file read as plain JSON, independent of Pact JVM's model classes, so the spec check does not depend on
 * how one Pact version represents interactions.
 */
public final class PactFile {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {};

  private PactFile() {}

  /** One HTTP interaction: what the consumer sends and what it expects back. */
  public record Interaction(
      String description, List<String> comments, List<ProviderState> providerStates, Message request,
      int status, Message response) {}

  /** A provider state with its params, as the verifier will post it to the state-change URL. */
  public record ProviderState(String name, Map<String, Object> params) {}

  /**
   * Method, path, headers ({@code name -> values}) and body text of one side of an interaction; {@code body} is
   * null when the interaction has none, {@code method} and {@code path} are null on a response.
   */
  public record Message(String method, String path, Map<String, List<String>> headers, String body) {

    /** The body as a JSON tree. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  /** Reads every HTTP interaction of the pact at {@code file}; fails if the file is missing. */
  public static List<Interaction> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "No pact at " + file + ": the consumer tests (*PactTest, surefire) write it; run `mvn verify`.");
    }
    try {
      JsonNode pact = JSON.readTree(file.toFile());
      List<Interaction> interactions = new ArrayList<>();
      for (JsonNode interaction : pact.path("interactions")) {
        interactions.add(interaction(interaction));
      }
      return interactions;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pact " + file, e);
    }
  }

  private static Interaction interaction(JsonNode node) {
    List<String> comments = new ArrayList<>();
    node.path("comments").path("text").forEach(c -> comments.add(c.asText()));
    List<ProviderState> states = new ArrayList<>();
    for (JsonNode state : node.path("providerStates")) {
      states.add(new ProviderState(state.path("name").asText(), JSON.convertValue(state.path("params"), PARAMS)));
    }
    JsonNode request = node.path("request");
    JsonNode response = node.path("response");
    return new Interaction(
        node.path("description").asText(),
        List.copyOf(comments),
        List.copyOf(states),
        new Message(request.path("method").asText(), request.path("path").asText(), headers(request), body(request)),
        response.path("status").asInt(200),
        new Message(null, null, headers(response), body(response)));
  }

  // V4 writes header values as arrays, V3 as comma-joined strings; both are accepted.
  private static Map<String, List<String>> headers(JsonNode message) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    message.path("headers").fields().forEachRemaining(header -> {
      List<String> values = new ArrayList<>();
      if (header.getValue().isArray()) {
        header.getValue().forEach(v -> values.add(v.asText()));
      } else {
        values.add(header.getValue().asText());
      }
      headers.put(header.getKey(), List.copyOf(values));
    });
    return headers;
  }

  // V4 keeps JSON bodies as a tree under body.content; V3 puts the tree (or text) directly under body.
  private static String body(JsonNode message) {
    JsonNode body = message.path("body");
    if (body.isMissingNode() || body.isNull()) {
      return null;
    }
    JsonNode content = body.has("content") ? body.get("content") : body;
    JsonNode encoded = body.path("encoded");
    if (encoded.isTextual() || encoded.asBoolean(false)) {
      throw new IllegalStateException("encoded bodies are not expected in this pact: " + body);
    }
    try {
      return content.isTextual() ? content.asText() : JSON.writeValueAsString(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
