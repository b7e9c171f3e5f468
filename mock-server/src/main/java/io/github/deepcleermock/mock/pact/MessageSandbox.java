package io.github.deepcleermock.mock.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.callbacks.CallbackAttempt;
import io.github.deepcleermock.mock.callbacks.EndOfStream;
import io.github.deepcleermock.mock.simulation.ScenarioMatch;
import io.github.deepcleermock.mock.simulation.ScenarioSpec;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.time.MockClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Produces the callback a Pact message description names by running the real simulation in a sandbox: a separate
 * in-process mock on its own {@link MockClock}, the stream and script of the provider states, the clock advanced
 * until the stream ends (or {@link #HORIZON}), and the body its dispatcher sent to a loopback receiver of its own.
 * Nothing of the calling mock (streams, journal, callback log) is touched.
 */
public final class MessageSandbox {

  /** How far a sandbox run plays a stream that neither ends on its own nor is closed. */
  public static final Duration HORIZON = Duration.ofHours(1);

  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

  /**
   * The message with this description under these provider states ({@code [{name, params}]}).
   *
   * @throws NoSuchElementException for an unknown description
   * @throws IllegalArgumentException for bad states, or states under which the simulation sends no such callback
   */
  public ProducedMessage produce(String description, JsonNode providerStates) {
    CallbackMessage message = CallbackMessage.byDescription(description)
        .orElseThrow(() -> new NoSuchElementException("description: unknown message '" + description + "'"));
    MessageStates states = MessageStates.read(providerStates);
    HttpServer receiver = receiver();
    try {
      return run(message, states, "http://127.0.0.1:" + receiver.getAddress().getPort());
    } finally {
      receiver.stop(0);
    }
  }

  private static ProducedMessage run(CallbackMessage message, MessageStates states, String receiverUrl) {
    try (DeepCleerMock sandbox = DeepCleerMock.builder()
        .clock(new MockClock())
        .scenario(new ScenarioSpec(ScenarioMatch.ANY, states.script()))
        .start()) {
      sandbox.streams().open(StreamSpec.builder()
          .requestId(states.requestId())
          .accessKey(states.accessKey())
          .imgCallback(receiverUrl + "/img")
          .audioCallback(states.audio() ? receiverUrl + "/audio" : null)
          .returnFinishInfo(states.returnFinishInfo())
          .data(states.data())
          .build());
      if (states.closeAfterSeconds() != null) {
        sandbox.clock().advance(Duration.ofSeconds(states.closeAfterSeconds()));
        boolean active = sandbox.streams().find(states.requestId()).map(s -> s.closedAt() == null).orElse(false);
        if (active) {
          sandbox.streams().end(states.requestId(), EndOfStream.CLOSED_BY_CLIENT);
        }
      } else {
        sandbox.clock().advance(HORIZON);
      }
      sandbox.awaitCallbacksIdle(DELIVERY_TIMEOUT);
      CallbackAttempt sent = sandbox.callbacks()
          .attempts(a -> a.attempt() == 1 && a.kind() == message.kind() && a.contentType() == message.contentType())
          .stream()
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException(
              "providerStates: under these states the simulation sends no " + message.kind()
                  + " callback with contentType " + message.contentType()));
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("contentType", "application/json");
      metadata.put("kind", sent.kind().name());
      metadata.put("target", sent.contentType() == 1 ? "imgCallback" : "audioCallback");
      metadata.put("streamRequestId", sent.streamRequestId());
      return new ProducedMessage(sent.payload().deepCopy(), metadata);
    }
  }

  // The sandbox's callbacks need a receiver that answers 200 at once, so delivery never waits on a retry.
  private static HttpServer receiver() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sandbox's callback receiver", e);
    }
  }
}
