package io.github.deepcleermock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.deepcleermock.client.CallbackParser;
import io.github.deepcleermock.client.ReceivedCallback;
import io.github.deepcleermock.client.model.RiskLevel;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.time.MockClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What the mock's simulation sends, read by the generated client's callback parser: the two sides agree. */
class SimulatedCallbacksParseTest {

  @Test
  void aRejectedFrameAnAudioResultAndBothEndsParseIntoTheirModels() throws Exception {
    List<byte[]> bodies = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/", exchange -> {
      bodies.add(exchange.getRequestBody().readAllBytes());
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort();
    try (DeepCleerMock mock = DeepCleerMock.builder().clock(new MockClock()).start()) {
      mock.streams().open(new StreamSpec("r1", "YOUR_ACCESS_KEY", List.of(), url + "/img", url + "/audio", 1,
          (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(
              "{\"url\":\"rtmp://x/live/mock-reject-at-30/mock-end-at-60\",\"returnAllText\":1}")));

      mock.clock().advance(Duration.ofSeconds(60));
      mock.awaitCallbacksIdle(Duration.ofSeconds(10));
    } finally {
      receiver.stop(0);
    }

    List<ReceivedCallback> parsed = bodies.stream().map(CallbackParser::parse).toList();
    assertThat(parsed).filteredOn(c -> c instanceof ReceivedCallback.FrameResult).singleElement()
        .satisfies(c -> assertThat(((ReceivedCallback.FrameResult) c).body().getFrameDetail().getRiskLevel())
            .isEqualTo(RiskLevel.REJECT));
    assertThat(parsed).filteredOn(c -> c instanceof ReceivedCallback.AudioResult).hasSize(6);
    assertThat(parsed).filteredOn(c -> c instanceof ReceivedCallback.StreamEnd)
        .extracting(c -> ((ReceivedCallback.StreamEnd) c).body().getRiskLevel())
        .containsExactlyInAnyOrder(RiskLevel.REJECT, RiskLevel.PASS);
  }
}
