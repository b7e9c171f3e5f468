package io.github.deepcleermock.contract;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.messaging.MessageInteraction;
import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.ProviderVerifier;
import au.com.dius.pact.provider.VerificationFailureType;
import au.com.dius.pact.provider.VerificationResult;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.pact.MessageSandbox;
import io.github.deepcleermock.mock.pact.ProducedMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Verifies callback message interactions with Pact JVM's core message comparison, the message produced either by
 * the mock's {@link MessageSandbox} in this JVM or by a running mock's {@code POST /__admin/pact/messages} (what a
 * verifier in any language calls). Either way the real simulation made the message.
 */
public final class MessageVerifier {

  /** The mock's message-producer endpoint, relative to its base URL. */
  public static final String MESSAGES_PATH = "/__admin/pact/messages";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final ProviderVerifier verifier = new ProviderVerifier();

  /** The outcome of verifying one message interaction. */
  public record Outcome(Interaction interaction, VerificationResult result) {

    /** Whether the produced message satisfied the interaction. */
    public boolean passed() {
      return result instanceof VerificationResult.Ok;
    }

    /** A readable account of what failed, for assertion messages. */
    public String describe() {
      if (!(result instanceof VerificationResult.Failed failed)) {
        return interaction.getDescription() + ": passed";
      }
      return interaction.getDescription() + ": " + failed.getDescription() + "\n  "
          + failed.getFailures().values().stream().flatMap(List::stream)
              .map(VerificationFailureType::description).collect(Collectors.joining("\n  "));
    }
  }

  /** Verifies against a message the sandbox produces in this JVM. */
  public Outcome verifyInSandbox(Interaction interaction) {
    MessageSandbox sandbox = new MessageSandbox();
    return verify(interaction, description -> {
      ProducedMessage produced = sandbox.produce(description, states(interaction));
      return new MessageAndMetadata(bytes(produced.body()), produced.metadata());
    });
  }

  /** Verifies against the message a running mock at {@code baseUri} answers on {@value #MESSAGES_PATH}. */
  public Outcome verifyThroughEndpoint(URI baseUri, Interaction interaction) {
    return verify(interaction, description -> {
      ObjectNode request = JSON.createObjectNode().put("description", description);
      request.set("providerStates", states(interaction));
      try {
        HttpResponse<byte[]> response = HTTP.send(
            HttpRequest.newBuilder(baseUri.resolve(MESSAGES_PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(request)))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          throw new IllegalStateException(
              MESSAGES_PATH + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
        String header = response.headers().firstValue("Pact-Message-Metadata").orElse("e30=");
        Map<String, Object> metadata =
            JSON.readValue(Base64.getDecoder().decode(header), new TypeReference<LinkedHashMap<String, Object>>() {});
        return new MessageAndMetadata(response.body(), metadata);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
  }

  private Outcome verify(Interaction interaction, Function<String, Object> producer) {
    Map<String, Object> failures = new LinkedHashMap<>();
    VerificationResult result = verifier.verifyMessage(
        producer, (MessageInteraction) interaction,
        java.util.Objects.requireNonNullElse(interaction.getInteractionId(), interaction.getDescription()), "",
        failures, false);
    return new Outcome(interaction, result);
  }

  /** The interaction's provider states as Pact sends them: {@code [{name, params}]}. */
  static ArrayNode states(Interaction interaction) {
    ArrayNode states = JSON.createArrayNode();
    for (ProviderState state : interaction.getProviderStates()) {
      ObjectNode node = states.addObject().put("name", state.getName());
      node.set("params", JSON.valueToTree(state.getParams()));
    }
    return states;
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
