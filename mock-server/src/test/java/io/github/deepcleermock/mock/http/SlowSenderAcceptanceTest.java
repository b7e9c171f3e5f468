package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.time.MockClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slow senders hold no thread: hundreds of clients trickling bodies leave the close endpoint and the admin API
 * answering, and a body that does not arrive in time answers 1902 when the read deadline (on the mock's clock)
 * passes.
 */
class SlowSenderAcceptanceTest {

  private static final byte[] BODY =
      "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"r\"}".getBytes(StandardCharsets.US_ASCII);

  /**
   * Far below the 10 s body deadline, so a close or health call parked behind the slow senders would miss it; not a
   * latency target (that is measured in benchmarks), since a loaded CI machine can take a second to connect.
   */
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

  @Test
  void fiveHundredSlowSendersLeaveClosesAndHealthAnsweringBeforeTheBodyDeadline() throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      List<RawHttp> slow = new ArrayList<>();
      try {
        // 400 on the close path, 100 on the admin API: 250 worker threads would all be parked in body reads.
        for (int i = 0; i < 500; i++) {
          RawHttp raw = new RawHttp(mock.port());
          slow.add(raw);
          String path = i < 400 ? VendorEndpoint.CLOSE_PATH : "/__admin/streams";
          raw.send("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
              + BODY.length + "\r\n\r\n", new byte[] {'{'});
        }
        for (RawHttp raw : slow) {
          raw.sendMore(new byte[] {' '});
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<String> close = http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + VendorEndpoint.CLOSE_PATH))
            .timeout(ANSWER_WITHIN).POST(HttpRequest.BodyPublishers.ofByteArray(BODY)).build(),
            HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/health"))
            .timeout(ANSWER_WITHIN).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(close.body()).contains("\"code\":1100");
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
      } finally {
        for (RawHttp raw : slow) {
          raw.close();
        }
      }
    }
  }

  @Test
  void bodyIncompleteWhenTheDeadlinePassesAnswersInvalidParametersAndCloses() throws Exception {
    MockClock clock = new MockClock();
    try (DeepCleerMock mock = DeepCleerMock.builder().clock(clock).start();
        RawHttp raw = new RawHttp(mock.port())) {
      raw.send("POST " + VendorEndpoint.CLOSE_PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + BODY.length
          + "\r\n\r\n", java.util.Arrays.copyOf(BODY, 10));
      awaitScheduled(clock);

      clock.advance(Duration.ofSeconds(10));

      RawHttp.Response response = raw.readResponse();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).contains("\"code\":1902", "\"message\":\"Invalid parameters\"");
      // The deadline is armed when the head arrives; whether the 10 sent bytes were read before it passed depends
      // on scheduling, so the count is 0 or 10 — never the declared length.
      assertThat(response.headers().get("x-mock-reason")).matches(
          "body incomplete after 10 s: received (0|10) of " + BODY.length + " declared bytes \\(too slow a sender\\)");
      assertThat(response.headers()).containsEntry("connection", "close");
      JournalEntry entry = mock.journal().all().get(0);
      assertThat(entry.code()).isEqualTo(1902);
      assertThat(entry.bodyTruncated()).isTrue();
    }
  }

  @Test
  void missingBodyWaitsOnlyUntilTheDeadlineNotForTheIdleTimeout() throws Exception {
    MockClock clock = new MockClock();
    try (DeepCleerMock mock = DeepCleerMock.builder().clock(clock).start();
        RawHttp raw = new RawHttp(mock.port())) {
      raw.send("POST " + VendorEndpoint.CLOSE_PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n", new byte[0]);
      awaitScheduled(clock);

      clock.advance(Duration.ofSeconds(9));
      assertThat(mock.journal().all()).as("not yet: the deadline is 10 s").isEmpty();
      clock.advance(Duration.ofSeconds(1));

      RawHttp.Response response = raw.readResponse();
      assertThat(response.body()).contains("\"code\":1902");
      assertThat(response.headers().get("x-mock-reason")).startsWith("body incomplete after 10 s: received 0 of 50");
    }
  }

  @Test
  void adminBodyThatDoesNotArriveAnswersAJson408() throws Exception {
    MockClock clock = new MockClock();
    try (DeepCleerMock mock = DeepCleerMock.builder().clock(clock).start();
        RawHttp raw = new RawHttp(mock.port())) {
      raw.send("POST /__admin/streams HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n", new byte[] {'{'});
      awaitScheduled(clock);

      clock.advance(Duration.ofSeconds(10));

      RawHttp.Response response = raw.readResponse();
      assertThat(response.status()).isEqualTo(408);
      assertThat(response.headers()).containsEntry("content-type", "application/json");
      assertThat(response.body()).startsWith("{\"error\":\"body: body incomplete after 10 s");
    }
  }

  /** Waits (without sleeping) until the mock has scheduled the body's deadline on the fake clock. */
  static void awaitScheduled(MockClock clock) throws IOException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (clock.pendingTasks() == 0) {
      if (System.nanoTime() > until) {
        throw new IOException("the mock never started waiting for the body");
      }
      Thread.onSpinWait();
    }
  }
}
