package io.github.deepcleermock.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.deepcleermock.mock.pact.CallbackMessage;
import io.github.deepcleermock.mock.pact.MessageSandbox;
import io.github.deepcleermock.mock.pact.ProducedMessage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /__admin/pact/messages}: the message-producer endpoint Pact verifiers call for message pacts. Each
 * call produces the callback in a {@link MessageSandbox}, so the live mock's state is never touched.
 */
final class PactMessageRoutes {

  /** The header Pact verifiers read a message's metadata from (base64 of a JSON object). */
  static final String METADATA_HEADER = "Pact-Message-Metadata";

  private final MessageSandbox sandbox;
  private final AdminExchange exchange;

  PactMessageRoutes(MessageSandbox sandbox, AdminExchange exchange) {
    this.sandbox = sandbox;
    this.exchange = exchange;
  }

  void register(RoutesConfig routes, String prefix) {
    routes.post(prefix + "/pact/messages", this::produce);
  }

  private void produce(Context ctx) throws Exception {
    JsonNode body = exchange.tree(ctx);
    if (body == null || !body.isObject()) {
      throw new BadRequestException("body: must be a JSON object {description, providerStates}");
    }
    // Like the state-change URL, it takes whatever else a verifier sends: verifiers differ in extra fields.
    JsonNode description = body.path("description");
    if (!description.isTextual()) {
      throw new BadRequestException("description: is required (a text)");
    }
    if (CallbackMessage.byDescription(description.asText()).isEmpty()) {
      Map<String, Object> unknown = new LinkedHashMap<>();
      unknown.put("error", "description: unknown message '" + description.asText() + "'");
      unknown.put("knownDescriptions", CallbackMessage.descriptions());
      exchange.send(ctx, 404, unknown);
      return;
    }
    JsonNode states = body.has("providerStates") ? body.get("providerStates") : exchange.mapper().createArrayNode();
    ProducedMessage message = sandbox.produce(description.asText(), states);
    byte[] metadata = exchange.mapper().writeValueAsBytes(message.metadata());
    ctx.header(METADATA_HEADER, Base64.getEncoder().encodeToString(metadata));
    exchange.send(ctx, 200, message.body());
  }
}
