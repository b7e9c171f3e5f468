package io.github.deepcleermock.mock.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.time.MockClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stream-end callbacks against a real local HTTP receiver, with time driven by a {@link MockClock}: no test waits
 * for a retry, it advances the clock and waits only until nothing is in flight.
 */
class EndCallbackAcceptanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration IDLE = Duration.ofSeconds(10);
  private static final String DATA =
      "{\"streamType\":\"NORMAL\",\"url\":\"rtmp://live.example.test/live/room-1\",\"tokenId\":\"user-1\","
          + "\"extra\":{\"passThrough\":{\"orderId\":\"o-1\",\"tags\":[\"a\",1,null],\"note\":\"直播\"}}}";

  private CallbackReceiver receiver;
  private DeepCleerMock mock;
  private AdminClient admin;

  @BeforeEach
  void startReceiver() {
    receiver = CallbackReceiver.start();
  }

  @AfterEach
  void stopAll() {
    if (mock != null) {
      mock.close();
    }
    receiver.close();
  }

  private void startMock(CallbackSettings settings) {
    mock = DeepCleerMock.builder()
        .clock(new MockClock())
        .account(Account.of("key-1"))
        .callbacks(settings)
        .start();
    admin = AdminClient.of(mock);
  }

  private void seed(String requestId, int returnFinishInfo, String audioCallback) {
    String body = "{\"requestId\":\"" + requestId + "\",\"accessKey\":\"key-1\",\"dupRequestIds\":[\"" + requestId
        + "-dup\"],\"imgCallback\":\"" + receiver.url("/img") + "\",\"returnFinishInfo\":" + returnFinishInfo
        + (audioCallback == null ? "" : ",\"audioCallback\":\"" + audioCallback + "\"") + ",\"data\":" + DATA + "}";
    assertThat(admin.post("/__admin/streams", body).status()).isEqualTo(201);
  }

  private List<JsonNode> attempts() {
    return admin.get("/__admin/callbacks").items("callbacks");
  }

  @Test
  void closingAnActiveStreamSendsOneEndCallbackWithTheVendorsPayload() throws Exception {
    startMock(CallbackSettings.DEFAULT);
    seed("r1", 1, null);
    mock.clock().advance(Duration.ofMillis(70_900));

    assertThat(admin.closeCode("key-1", "r1")).isEqualTo(1100);
    mock.awaitCallbacksIdle(IDLE);

    assertThat(receiver.received()).hasSize(1);
    CallbackReceiver.Received got = receiver.received().get(0);
    assertThat(got.path()).isEqualTo("/img");
    assertThat(got.contentType()).isEqualTo("application/json");
    assertThat(got.body()).isEqualTo(JSON.readTree(
        "{\"code\":1100,\"message\":\"Success\",\"requestId\":\"r1\",\"statCode\":1,\"contentType\":1,"
            + "\"riskLevel\":\"PASS\",\"pullStreamSuccess\":true,"
            + "\"auxInfo\":{\"streamTime\":70,\"passThrough\":{\"orderId\":\"o-1\",\"tags\":[\"a\",1,null],\"note\":\"直播\"}},"
            + "\"detail\":{\"requestParams\":" + DATA + "}}"));
    assertThat(got.body().path("auxInfo").has("errorCode")).as("no errorCode on a close").isFalse();
    List<JsonNode> attempts = attempts();
    assertThat(attempts).hasSize(1);
    JsonNode attempt = attempts.get(0);
    assertThat(attempt.path("streamRequestId").asText()).isEqualTo("r1");
    assertThat(attempt.path("contentType").asInt()).isEqualTo(1);
    assertThat(attempt.path("target").asText()).isEqualTo(receiver.url("/img"));
    assertThat(attempt.path("attempt").asInt()).isEqualTo(1);
    assertThat(attempt.path("at").asText()).isEqualTo("2026-01-01T00:01:10.900Z");
    assertThat(attempt.path("httpStatus").asInt()).isEqualTo(200);
    assertThat(attempt.path("error").isNull()).isTrue();
    assertThat(attempt.path("outcome").asText()).isEqualTo("DELIVERED");
    assertThat(attempt.path("nextAttemptAt").isNull()).isTrue();
    assertThat(attempt.path("payload")).isEqualTo(got.body());
  }

  @Test
  void aStreamThatModeratesAudioAlsoSendsContentType2WithRequestParamsAtTheTopLevel() throws Exception {
    startMock(CallbackSettings.DEFAULT);
    seed("r-audio", 1, receiver.url("/audio"));
    mock.clock().advance(Duration.ofSeconds(12));

    admin.close("key-1", "r-audio-dup");
    mock.awaitCallbacksIdle(IDLE);

    assertThat(receiver.received()).extracting(CallbackReceiver.Received::path)
        .containsExactlyInAnyOrder("/img", "/audio");
    JsonNode audio = receiver.received().stream().filter(r -> r.path().equals("/audio")).findFirst().orElseThrow().body();
    assertThat(audio).isEqualTo(JSON.readTree(
        "{\"code\":1100,\"message\":\"Success\",\"requestId\":\"r-audio\",\"statCode\":1,\"contentType\":2,"
            + "\"riskLevel\":\"PASS\",\"pullStreamSuccess\":true,"
            + "\"auxInfo\":{\"streamTime\":12,\"passThrough\":{\"orderId\":\"o-1\",\"tags\":[\"a\",1,null],\"note\":\"直播\"}},"
            + "\"requestParams\":" + DATA + "}"));
    List<JsonNode> attempts = attempts();
    assertThat(attempts).extracting(a -> a.path("contentType").asInt()).containsExactlyInAnyOrder(1, 2);
    assertThat(attempts).extracting(a -> a.path("deliveryId").asText()).doesNotHaveDuplicates();
  }

  @Test
  void aReceiverThatFailsTwiceThenAnswers200GetsExactlyThreeAttemptsOnTheVendorSchedule() {
    startMock(CallbackSettings.DEFAULT);
    receiver.answer(500, 503);
    seed("r1", 1, null);

    admin.close("key-1", "r1");
    mock.awaitCallbacksIdle(IDLE);
    assertThat(receiver.count()).isEqualTo(1);

    mock.clock().advance(Duration.ofMillis(4_999));
    mock.awaitCallbacksIdle(IDLE);
    assertThat(receiver.count()).as("the first retry waits 5 s").isEqualTo(1);
    mock.clock().advance(Duration.ofMillis(1));
    mock.awaitCallbacksIdle(IDLE);
    assertThat(receiver.count()).isEqualTo(2);

    mock.clock().advance(Duration.ofMillis(9_999));
    mock.awaitCallbacksIdle(IDLE);
    assertThat(receiver.count()).as("the second retry waits 10 s").isEqualTo(2);
    mock.clock().advance(Duration.ofMillis(1));
    mock.awaitCallbacksIdle(IDLE);
    assertThat(receiver.count()).isEqualTo(3);

    mock.clock().advance(Duration.ofMinutes(10));
    mock.awaitCallbacksIdle(IDLE);
    assertThat(receiver.count()).as("nothing after the delivery").isEqualTo(3);
    List<JsonNode> attempts = attempts();
    assertThat(attempts).extracting(a -> a.path("attempt").asInt()).containsExactly(1, 2, 3);
    assertThat(attempts).extracting(a -> a.path("outcome").asText()).containsExactly("FAILED", "FAILED", "DELIVERED");
    assertThat(attempts).extracting(a -> a.path("httpStatus").asInt()).containsExactly(500, 503, 200);
    assertThat(attempts).extracting(a -> a.path("at").asText())
        .containsExactly("2026-01-01T00:00:00.000Z", "2026-01-01T00:00:05.000Z", "2026-01-01T00:00:15.000Z");
    assertThat(attempts).extracting(a -> a.path("nextAttemptAt").asText(null))
        .containsExactly("2026-01-01T00:00:05.000Z", "2026-01-01T00:00:15.000Z", null);
    assertThat(attempts).extracting(a -> a.path("deliveryId").asText()).containsOnly(attempts.get(0).path("deliveryId").asText());
    assertThat(receiver.received()).extracting(CallbackReceiver.Received::body).containsOnly(receiver.received().get(0).body());
  }

  @Test
  void aConfiguredBackoffSpacesTheRetries() {
    startMock(CallbackSettings.DEFAULT.withBackoff(Duration.ofSeconds(2)));
    receiver.answer(500, 500);
    seed("r1", 1, null);

    admin.close("key-1", "r1");
    mock.awaitCallbacksIdle(IDLE);
    mock.clock().advance(Duration.ofSeconds(2));
    mock.awaitCallbacksIdle(IDLE);
    mock.clock().advance(Duration.ofSeconds(4));
    mock.awaitCallbacksIdle(IDLE);

    assertThat(attempts()).extracting(a -> a.path("at").asText())
        .containsExactly("2026-01-01T00:00:00.000Z", "2026-01-01T00:00:02.000Z", "2026-01-01T00:00:06.000Z");
    assertThat(receiver.count()).isEqualTo(3);
  }

  @Test
  void a204IsNotADeliverySoItIsRetriedAndTheAttemptSaysWhy() {
    startMock(CallbackSettings.DEFAULT);
    receiver.answer(204);
    seed("r1", 1, null);

    admin.close("key-1", "r1");
    mock.awaitCallbacksIdle(IDLE);
    mock.clock().advance(Duration.ofSeconds(5));
    mock.awaitCallbacksIdle(IDLE);

    List<JsonNode> attempts = attempts();
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).path("httpStatus").asInt()).isEqualTo(204);
    assertThat(attempts.get(0).path("outcome").asText()).isEqualTo("FAILED");
    assertThat(attempts.get(0).path("error").asText()).contains("204").contains("200");
    assertThat(attempts.get(1).path("outcome").asText()).isEqualTo("DELIVERED");
  }

  @Test
  void afterTheConfiguredRetriesTheDeliveryGivesUp() {
    startMock(CallbackSettings.DEFAULT.withRetries(2).withBackoff(Duration.ofSeconds(1)));
    receiver.answer(500, 500, 500, 500, 500);
    seed("r1", 1, null);

    admin.close("key-1", "r1");
    for (int i = 0; i < 5; i++) {
      mock.awaitCallbacksIdle(IDLE);
      mock.clock().advance(Duration.ofMinutes(1));
    }
    mock.awaitCallbacksIdle(IDLE);

    assertThat(receiver.count()).isEqualTo(3);
    List<JsonNode> attempts = attempts();
    assertThat(attempts).extracting(a -> a.path("outcome").asText()).containsExactly("FAILED", "FAILED", "GAVE_UP");
    assertThat(attempts.get(2).path("nextAttemptAt").isNull()).isTrue();
    assertThat(attempts.get(2).path("error").asText()).contains("500");
    assertThat(mock.clock().pendingTasks()).isZero();
  }

  @Test
  void aReceiverThatRefusesConnectionsIsRetriedAndTheAttemptSaysWhy() {
    startMock(CallbackSettings.DEFAULT.withRetries(1));
    String deadUrl = receiver.url("/img");
    receiver.close();
    String body = "{\"requestId\":\"r1\",\"accessKey\":\"key-1\",\"imgCallback\":\"" + deadUrl + "\",\"returnFinishInfo\":1}";
    admin.post("/__admin/streams", body);

    admin.close("key-1", "r1");
    mock.awaitCallbacksIdle(IDLE);
    mock.clock().advance(Duration.ofSeconds(5));
    mock.awaitCallbacksIdle(IDLE);

    List<JsonNode> attempts = attempts();
    assertThat(attempts).extracting(a -> a.path("outcome").asText()).containsExactly("FAILED", "GAVE_UP");
    assertThat(attempts).allSatisfy(a -> {
      assertThat(a.path("httpStatus").isNull()).isTrue();
      assertThat(a.path("error").asText()).isNotBlank();
    });
  }

  @Test
  void noCallbackWhenReturnFinishInfoIs0() {
    startMock(CallbackSettings.DEFAULT);
    seed("quiet", 0, receiver.url("/audio"));
    seed("loud", 1, null);

    assertThat(admin.closeCode("key-1", "quiet")).isEqualTo(1100);
    mock.awaitCallbacksIdle(IDLE);
    assertThat(receiver.count()).isZero();
    assertThat(attempts()).isEmpty();
    admin.close("key-1", "loud");
    mock.awaitCallbacksIdle(IDLE);

    assertThat(receiver.received()).extracting(r -> r.body().path("requestId").asText()).containsExactly("loud");
  }

  @Test
  void aSecondCloseThroughTheIdOrAnAliasSendsNoSecondCallback() {
    startMock(CallbackSettings.DEFAULT);
    seed("r1", 1, null);

    admin.close("key-1", "r1");
    mock.awaitCallbacksIdle(IDLE);
    AdminClient.Reply second = admin.close("key-1", "r1");
    AdminClient.Reply third = admin.close("key-1", "r1-dup");
    mock.awaitCallbacksIdle(IDLE);
    mock.clock().advance(Duration.ofMinutes(15));
    mock.awaitCallbacksIdle(IDLE);

    assertThat(second.json().path("code").asInt()).isEqualTo(1100);
    assertThat(second.headers().firstValue("X-Mock-Reason")).hasValueSatisfying(r -> assertThat(r).contains("already closed"));
    assertThat(third.json().path("code").asInt()).isEqualTo(1100);
    assertThat(receiver.count()).isEqualTo(1);
    assertThat(attempts()).hasSize(1);
  }

  @Test
  void concurrentClosesThroughEveryIdMakeExactlyOneCallback() throws Exception {
    startMock(CallbackSettings.DEFAULT);
    seed("r1", 1, null);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<Integer>> closes = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String id = i % 2 == 0 ? "r1" : "r1-dup";
      closes.add(() -> {
        go.await();
        return admin.closeCode("key-1", id);
      });
    }
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (Callable<Integer> close : closes) {
        answers.add(pool.submit(close));
      }
      go.countDown();
      for (Future<Integer> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(1100);
      }
    } finally {
      pool.shutdownNow();
    }
    mock.awaitCallbacksIdle(IDLE);

    assertThat(receiver.count()).isEqualTo(1);
    assertThat(mock.journal().all()).filteredOn(e -> e.reason() == null).hasSize(1);
  }

  @Test
  void endingAStreamWithAPullFailureSendsTheCallbackWithTheErrorCode() throws Exception {
    startMock(CallbackSettings.DEFAULT);
    seed("r1", 1, receiver.url("/audio"));
    mock.clock().advance(Duration.ofSeconds(42));

    AdminClient.Reply ended = admin.post("/__admin/streams/r1/end",
        "{\"errorCode\":3001,\"riskLevel\":\"REJECT\",\"pullStreamSuccess\":false}");
    mock.awaitCallbacksIdle(IDLE);

    assertThat(ended.json().path("state").asText()).isEqualTo("ENDED");
    assertThat(receiver.received()).hasSize(2).allSatisfy(r -> {
      JsonNode body = r.body();
      assertThat(body.path("auxInfo").path("errorCode").asInt()).isEqualTo(3001);
      assertThat(body.path("auxInfo").path("streamTime").asInt()).isEqualTo(42);
      assertThat(body.path("riskLevel").asText()).isEqualTo("REJECT");
      assertThat(body.path("pullStreamSuccess").asBoolean()).isFalse();
      assertThat(body.path("statCode").asInt()).isEqualTo(1);
    });
    assertThat(attempts()).hasSize(2);
    assertThat(admin.closeCode("key-1", "r1")).isEqualTo(1100);
    mock.awaitCallbacksIdle(IDLE);
    assertThat(receiver.count()).as("a close after the end sends nothing").isEqualTo(2);
  }

  @Test
  void aNaturalEndSendsTheCloseCallbackWithoutAnErrorCode() {
    startMock(CallbackSettings.DEFAULT);
    seed("r1", 1, null);

    admin.post("/__admin/streams/r1/end", null);
    mock.awaitCallbacksIdle(IDLE);

    JsonNode body = receiver.received().get(0).body();
    assertThat(body.path("auxInfo").has("errorCode")).isFalse();
    assertThat(body.path("riskLevel").asText()).isEqualTo("PASS");
    assertThat(body.path("pullStreamSuccess").asBoolean()).isTrue();
  }

  @Test
  void aReceiverThatNeverAnswersHoldsUpNeitherTheCloseNorAnyServerThread() throws Exception {
    // Few server threads and many hanging callbacks: if a callback held a server thread, later requests would stall.
    mock = DeepCleerMock.builder()
        .clock(new MockClock())
        .maxThreads(8)
        .account(new Account("key-1", 1000, 100, java.util.Set.of("finish"), false))
        .callbacks(CallbackSettings.DEFAULT.withResponseTimeout(Duration.ofSeconds(60)))
        .start();
    admin = AdminClient.of(mock);
    receiver.hang();
    int streams = 20;
    for (int i = 0; i < streams; i++) {
      seed("r" + i, 1, null);
    }

    long started = System.nanoTime();
    for (int i = 0; i < streams; i++) {
      assertThat(admin.closeCode("key-1", "r" + i)).isEqualTo(1100);
    }
    long closingMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertThat(closingMillis).as("20 closes while every callback hangs").isLessThan(5_000);
    assertThat(mock.callbacks().inFlight()).isEqualTo(streams);
    assertThat(admin.get("/__admin/health").status()).isEqualTo(200);
    assertThat(admin.get("/__admin/callbacks").items("callbacks"))
        .hasSize(streams)
        .allSatisfy(a -> assertThat(a.path("outcome").asText()).isEqualTo("PENDING"));
    assertThat(admin.closeCode("key-1", "unknown-id")).isEqualTo(1100);
    receiver.release();
    mock.awaitCallbacksIdle(IDLE);
    assertThat(admin.get("/__admin/callbacks").items("callbacks"))
        .allSatisfy(a -> assertThat(a.path("outcome").asText()).isEqualTo("DELIVERED"));
  }

  @Test
  void anAttemptWithoutAnAnswerWithinTheResponseTimeoutFailsAndIsRetried() {
    startMock(CallbackSettings.DEFAULT.withResponseTimeout(Duration.ofMillis(300)));
    receiver.hang();
    seed("r1", 1, null);

    admin.close("key-1", "r1");
    mock.awaitCallbacksIdle(IDLE);

    JsonNode first = attempts().get(0);
    assertThat(first.path("outcome").asText()).isEqualTo("FAILED");
    assertThat(first.path("httpStatus").isNull()).isTrue();
    assertThat(first.path("error").asText()).contains("timeout");
    assertThat(first.path("nextAttemptAt").asText()).isEqualTo("2026-01-01T00:00:05.000Z");
  }
}
