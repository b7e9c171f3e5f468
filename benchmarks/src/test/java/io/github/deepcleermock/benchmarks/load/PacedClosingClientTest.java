package io.github.deepcleermock.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.deepcleermock.benchmarks.peers.CloseAnswer;
import io.github.deepcleermock.benchmarks.peers.RawJettyServer;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PacedClosingClientTest {
  private static final String BODY = "{\"accessKey\":\"bench-key\",\"requestId\":\"bench-stream-1\"}";
  private final PacedClosingClient client = new PacedClosingClient(4, Duration.ofSeconds(5));

  @Test
  void offersExactlyRateTimesSecondsRequestsAndCountsTheirCodes() throws Exception {
    try (RawJettyServer raw = RawJettyServer.start(0)) {
      PacedClosingClient.Tally t =
          client.run(URI.create("http://127.0.0.1:" + raw.port() + CloseAnswer.PATH), BODY, 200, 0.5);

      assertThat(t.offered()).isEqualTo(100);
      assertThat(t.answered()).isEqualTo(100);
      assertThat(t.transportErrors()).isZero();
      assertThat(t.httpStatuses()).containsExactlyEntriesOf(Map.of(200, 100L));
      assertThat(t.count(1100)).isEqualTo(100);
      // The last request is due at 99/200 s; the send window cannot be shorter than that.
      assertThat(t.elapsedMillis()).isGreaterThanOrEqualTo(495);
    }
  }

  @Test
  void pipelinesOnASingleConnectionAndStillCountsEveryAnswer() throws Exception {
    try (RawJettyServer raw = RawJettyServer.start(0)) {
      PacedClosingClient.Tally t =
          new PacedClosingClient(1, Duration.ofSeconds(5))
              .run(URI.create("http://127.0.0.1:" + raw.port() + CloseAnswer.PATH), BODY, 1000, 0.3);

      assertThat(t.offered()).isEqualTo(300);
      assertThat(t.count(1100)).isEqualTo(300);
      assertThat(t.transportErrors()).isZero();
    }
  }

  @Test
  void refusesToStartWhenNothingListensAtTheUrl() throws Exception {
    int port;
    try (RawJettyServer raw = RawJettyServer.start(0)) {
      port = raw.port();
    }
    URI url = URI.create("http://127.0.0.1:" + port + CloseAnswer.PATH);
    assertThatThrownBy(() -> client.run(url, BODY, 100, 0.1)).isInstanceOf(ConnectException.class);
  }

  @Test
  void countsNon200AnswersWithoutACodeSeparately() throws Exception {
    try (RawJettyServer raw = RawJettyServer.start(0)) {
      PacedClosingClient.Tally t =
          client.run(URI.create("http://127.0.0.1:" + raw.port() + "/nowhere"), BODY, 100, 0.1);

      assertThat(t.httpStatuses()).containsExactlyEntriesOf(Map.of(404, 10L));
      assertThat(t.codes()).isEmpty();
      assertThat(t.unparsedBodies()).isEqualTo(10);
    }
  }

  @Test
  void toleranceIncludesItsBoundsAndNothingBeyond() {
    assertThat(PacedClosingClient.withinTolerance(1111, 1100, 0.01)).isTrue();
    assertThat(PacedClosingClient.withinTolerance(1089, 1100, 0.01)).isTrue();
    assertThat(PacedClosingClient.withinTolerance(1112, 1100, 0.01)).isFalse();
    assertThat(PacedClosingClient.withinTolerance(1088, 1100, 0.01)).isFalse();
  }
}
