package io.github.deepcleermock.mock.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.callbacks.CallbackAttempt;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import io.github.deepcleermock.mock.simulation.RiskLevel;
import io.github.deepcleermock.mock.simulation.ScenarioMatch;
import io.github.deepcleermock.mock.simulation.ScenarioSpec;
import io.github.deepcleermock.mock.simulation.Script;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.time.MockClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReadmeSimulationExampleTest {

  // One mock for the class; its streams play out on a fake clock that moves only when the test moves it.
  @RegisterExtension
  static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
      .configure(builder -> builder.account("my-key").clock(new MockClock()));

  // Stands in for your callback receiver: it keeps every body it gets and answers 200.
  private final List<String> received = new CopyOnWriteArrayList<>();
  private HttpServer receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/", exchange -> {
      received.add(new String(exchange.getRequestBody().readAllBytes()));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void aRejectedFrameComesFirstThenTheEndCallback(DeepCleerMock mock) throws Exception {
    mock.streams().open(new StreamSpec("stream-1", "my-key", List.of(), receiverUrl() + "/img", null, 1,
        data("{\"url\":\"rtmp://example.invalid/live/mock-reject-at-30/mock-end-at-60\"}")));

    mock.clock().advance(Duration.ofSeconds(60)); // a minute of stream in no real time
    CallbackAttempt frame = mock.callbacks().awaitCallback("stream-1", 1, Duration.ofSeconds(5));
    CallbackAttempt end = mock.callbacks().awaitCallback("stream-1", 2, Duration.ofSeconds(5));

    assertThat(frame.payload().at("/frameDetail/riskLevel").asText()).isEqualTo("REJECT");
    assertThat(end.payload().at("/statCode").asInt()).isEqualTo(1);
    assertThat(end.payload().at("/riskLevel").asText()).isEqualTo("REJECT");
    assertThat(end.payload().at("/auxInfo/streamTime").asInt()).isEqualTo(60);
    assertThat(received).hasSize(2);
  }

  @Test
  void aScenarioMakesEveryStreamOfARoomFailToPull(DeepCleerMock mock) throws Exception {
    mock.scenarios().add(new ScenarioSpec(new ScenarioMatch(null, null, "room-7", null),
        Script.NONE.withFrame(5, RiskLevel.REVIEW).withPullFailure(3001, 0)));
    mock.streams().open(new StreamSpec("stream-2", "my-key", List.of(), receiverUrl() + "/img", null, 1,
        data("{\"room\":\"room-7\"}")));

    mock.clock().advance(Duration.ofSeconds(390)); // 12 pull retries, 5 + 10 + ... + 60 s
    CallbackAttempt end = mock.callbacks().awaitCallback("stream-2", 1, Duration.ofSeconds(5));

    assertThat(end.payload().at("/pullStreamSuccess").asBoolean()).isFalse();
    assertThat(end.payload().at("/auxInfo/errorCode").asInt()).isEqualTo(3001);
  }

  private String receiverUrl() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort();
  }

  private static ObjectNode data(String json) throws Exception {
    return (ObjectNode) new ObjectMapper().readTree(json);
  }
}
