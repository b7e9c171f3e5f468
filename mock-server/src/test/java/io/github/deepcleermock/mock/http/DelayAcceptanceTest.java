package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.time.MockClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delays hold the answer, never a server thread: with 8 worker threads, 50 delayed requests are all decided (and
 * journaled) while every answer still waits for the fake clock; one advance of the delay releases them all.
 */
class DelayAcceptanceTest {

  private static final int REQUESTS = 50;
  private static final String KEY = "YOUR_ACCESS_KEY";

  private final MockClock clock = new MockClock();
  private DeepCleerMock mock;
  private CloseClient client;

  @BeforeEach
  void start() {
    mock = DeepCleerMock.builder().clock(clock).maxThreads(8).stream(StreamSpec.builder().accessKey(KEY).requestId("stream-1").build()).start();
    client = new CloseClient(mock.baseUrl());
  }

  @AfterEach
  void stop() {
    mock.close();
  }

  @Test
  void manyDelayedAnswersWaitTogetherWithoutHoldingServerThreads() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> answers = sendConcurrently(REQUESTS, "mock-delay-1000");

    awaitTrue(() -> mock.journal().all().size() == REQUESTS, "all " + REQUESTS + " requests decided");
    assertThat(answers).noneMatch(CompletableFuture::isDone);
    clock.advance(Duration.ofMillis(999));
    assertThat(answers).as("not due yet").noneMatch(CompletableFuture::isDone);

    clock.advance(Duration.ofMillis(1));

    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      CloseClient.Answer checked = CloseClient.checked(answer.get(10, TimeUnit.SECONDS));
      assertThat(checked.code()).isEqualTo(1100);
      assertThat(checked.reason()).isEqualTo("magic value mock-delay-1000");
    }
  }

  @Test
  void delayRuleClosesTheStreamFirstAndAnswersLater() throws Exception {
    mock.faults().add(FaultSpec.delay(FaultMatch.ANY, 1500));

    List<CompletableFuture<HttpResponse<String>>> answers = sendConcurrently(1, "stream-1");

    awaitTrue(() -> mock.journal().all().size() == 1, "the request decided");
    assertThat(mock.streams().find("stream-1").orElseThrow().state()).isEqualTo(StreamState.CLOSED);
    assertThat(answers.get(0)).isNotDone();
    clock.advance(Duration.ofMillis(1500));
    CloseClient.Answer answer = CloseClient.checked(answers.get(0).get(10, TimeUnit.SECONDS));
    assertThat(answer.code()).isEqualTo(1100);
    assertThat(answer.requestId()).isEqualTo(mock.journal().all().get(0).responseRequestId());
  }

  @Test
  void resetReleasesHeldAnswersAtOnce() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> answers = sendConcurrently(5, "mock-delay-60000");
    awaitTrue(() -> mock.journal().all().size() == 5, "all requests decided");

    mock.reset();

    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      assertThat(CloseClient.checked(answer.get(10, TimeUnit.SECONDS)).code()).isEqualTo(1100);
    }
  }

  private List<CompletableFuture<HttpResponse<String>>> sendConcurrently(int count, String requestId) {
    byte[] body = ("{\"accessKey\":\"" + KEY + "\",\"requestId\":\"" + requestId + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      HttpRequest request = client.request(VendorEndpoint.CLOSE_PATH)
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
      answers.add(client.http().sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }
    return answers;
  }

  /** Polls a condition that other threads make true; bounded, and not a way to let time pass. */
  private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }
}
