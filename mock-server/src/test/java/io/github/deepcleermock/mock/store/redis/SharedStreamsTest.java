package io.github.deepcleermock.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import io.github.deepcleermock.mock.simulation.Script;
import io.github.deepcleermock.mock.simulation.ScriptJson;
import io.github.deepcleermock.mock.states.ProviderStates;
import io.github.deepcleermock.mock.streams.StreamConflictException;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.time.MockClock;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two mock instances in one JVM on one real Redis behave as one service for streams: ids, aliases, dedup, the
 * ACTIVE count, exactly-once transitions and their end callbacks, and no frame after an end.
 */
class SharedStreamsTest {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private static final Duration IDLE = Duration.ofSeconds(10);
  private static final String KEY = "SHARED";

  private final StreamCalls calls = new StreamCalls();
  private final MockClock clock = new MockClock();
  private CallbackReceiver receiver;
  private DeepCleerMock a;
  private DeepCleerMock b;

  @BeforeEach
  void start() {
    try (RedisClient client = RedisClient.create(RedisURI.create(REDIS.uri()));
        StatefulRedisConnection<String, String> redis = client.connect()) {
      redis.sync().flushall();
    }
    receiver = CallbackReceiver.start();
    a = instance();
    b = instance();
  }

  private DeepCleerMock instance() {
    return DeepCleerMock.builder()
        .clock(clock)
        .account(new Account(KEY, 1000, 2, Account.DEFAULT_PERMISSIONS, false))
        .store(REDIS.uri())
        .start();
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    receiver.close();
  }

  private StreamCalls.Answer submit(DeepCleerMock on, String url, String... dataFields) {
    return calls.submit(on.baseUrl(), KEY, url, receiver.url("/img"), dataFields);
  }

  private void settle() {
    a.awaitCallbacksIdle(IDLE);
    b.awaitCallbacksIdle(IDLE);
  }

  private List<CallbackReceiver.Received> received() {
    settle();
    return receiver.received();
  }

  private static boolean isEnd(CallbackReceiver.Received callback) {
    return callback.body().path("statCode").asInt(-1) == 1;
  }

  @Test
  void aStreamSubmittedOnOneInstanceIsClosedOnTheOtherAndReclosedOnTheFirstAsTheVendorWould() {
    StreamCalls.Answer opened = submit(a, "rtmp://cam/1");
    assertThat(opened.code()).isEqualTo(1100);

    StreamCalls.Answer closed = calls.close(b.baseUrl(), KEY, opened.requestId());
    StreamCalls.Answer reclosed = calls.close(a.baseUrl(), KEY, opened.requestId());

    assertThat(closed.code()).isEqualTo(1100);
    assertThat(closed.reason()).isNull();
    assertThat(reclosed.code()).isEqualTo(1100);
    assertThat(reclosed.reason()).isEqualTo("stream was already closed");
    assertThat(a.streams().find(opened.requestId()).orElseThrow().state()).isEqualTo(StreamState.CLOSED);
    assertThat(b.streams().activeCount(KEY)).isZero();
  }

  @Test
  void aDuplicateSubmitOnTheOtherInstanceNamesTheRunningStream() {
    StreamCalls.Answer first = submit(a, "rtmp://cam/same");

    StreamCalls.Answer again = submit(b, "rtmp://cam/same");

    assertThat(again.code()).isEqualTo(1100);
    assertThat(again.body().path("detail").path("dupRequestId").asText()).isEqualTo(first.requestId());
    assertThat(b.streams().activeCount(KEY)).isEqualTo(1);
  }

  @Test
  void theStreamLimitCountsTheStreamsOfBothInstances() {
    assertThat(submit(a, "rtmp://cam/1").code()).isEqualTo(1100);
    assertThat(submit(b, "rtmp://cam/2").code()).isEqualTo(1100);

    StreamCalls.Answer third = submit(a, "rtmp://cam/3");

    assertThat(third.code()).isEqualTo(1904);
    assertThat(third.reason()).isEqualTo("account has 2 ACTIVE streams, its maxStreams is 2");
  }

  @Test
  void concurrentClosesFromBothInstancesMakeOneTransitionAndOneEndCallback() throws Exception {
    String id = submit(a, "rtmp://cam/race", "returnFinishInfo", "1").requestId();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<StreamCalls.Answer>> closes = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        DeepCleerMock on = t % 2 == 0 ? a : b;
        Callable<StreamCalls.Answer> close = () -> {
          go.await();
          return calls.close(on.baseUrl(), KEY, id);
        };
        closes.add(pool.submit(close));
      }
      go.countDown();
      int transitions = 0;
      for (Future<StreamCalls.Answer> close : closes) {
        StreamCalls.Answer answer = close.get(30, TimeUnit.SECONDS);
        assertThat(answer.code()).isEqualTo(1100);
        transitions += answer.reason() == null ? 1 : 0;
      }
      assertThat(transitions).isEqualTo(1);
      assertThat(received()).filteredOn(SharedStreamsTest::isEnd).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void afterTheOtherInstanceClosesAStreamItsOpenerSendsNoFrameAndTheEndCallbackIsWhatTheOpenerWouldHaveSent()
      throws Exception {
    JsonNode expectedEnd = endCallbackOfOneMemoryInstance();
    String id = submit(a, "rtmp://cam/mock-reject-at-2", "returnFinishInfo", "1", "returnAllImg", "1",
        "detectFrequency", "1").requestId();
    clock.advance(Duration.ofSeconds(4));
    settle();
    assertThat(receiver.received()).isNotEmpty().noneMatch(SharedStreamsTest::isEnd);

    assertThat(calls.close(b.baseUrl(), KEY, id).code()).isEqualTo(1100);
    settle();
    int untilEnd = receiver.received().size();
    clock.advance(Duration.ofSeconds(10));

    List<CallbackReceiver.Received> all = received();
    assertThat(all).hasSize(untilEnd);
    assertThat(isEnd(all.get(all.size() - 1))).as("the end callback is the last one").isTrue();
    JsonNode end = all.get(all.size() - 1).body().deepCopy();
    ((ObjectNode) end).remove("requestId");
    assertThat(end).isEqualTo(expectedEnd);
    assertThat(end.path("riskLevel").asText()).isEqualTo("REJECT");
  }

  /** The same stream, closed after the same 4 seconds, on one instance with the memory store. */
  private JsonNode endCallbackOfOneMemoryInstance() throws Exception {
    MockClock alone = new MockClock();
    try (CallbackReceiver own = CallbackReceiver.start();
        DeepCleerMock mock = DeepCleerMock.builder()
            .clock(alone).account(new Account(KEY, 1000, 2, Account.DEFAULT_PERMISSIONS, false)).start()) {
      String id = calls.submit(mock.baseUrl(), KEY, "rtmp://cam/mock-reject-at-2", own.url("/img"),
          "returnFinishInfo", "1", "returnAllImg", "1", "detectFrequency", "1").requestId();
      alone.advance(Duration.ofSeconds(4));
      mock.awaitCallbacksIdle(IDLE);
      calls.close(mock.baseUrl(), KEY, id);
      mock.awaitCallbacksIdle(IDLE);
      List<CallbackReceiver.Received> sent = own.received();
      JsonNode end = sent.get(sent.size() - 1).body().deepCopy();
      assertThat(end.path("statCode").asInt()).as("the end callback is the last one").isEqualTo(1);
      ((ObjectNode) end).remove("requestId");
      return end;
    }
  }

  @Test
  void aStoppedRedisAnswers1903AndAdmin503WithoutAHalfWrittenStreamAndARestartedOneServesBothAgain() {
    String id = submit(a, "rtmp://cam/1").requestId();

    REDIS.stop();
    StreamCalls.Answer submitDown = submit(b, "rtmp://cam/2");
    StreamCalls.Answer closeDown = calls.close(b.baseUrl(), KEY, id);
    StreamCalls.Answer adminDown = calls.get(a.baseUrl() + "/__admin/streams");

    assertThat(submitDown.code()).isEqualTo(1903);
    assertThat(submitDown.reason()).isEqualTo("store unavailable");
    assertThat(closeDown.code()).isEqualTo(1903);
    assertThat(closeDown.reason()).isEqualTo("store unavailable");
    assertThat(adminDown.status()).isEqualTo(503);
    assertThat(adminDown.body().path("error").asText()).startsWith("store: unavailable");

    REDIS.start();
    StreamCalls.Answer after = served(() -> submit(b, "rtmp://cam/2"));
    assertThat(after.code()).as("after Redis returned").isEqualTo(1100);
    StreamCalls.Answer closed = served(() -> calls.close(a.baseUrl(), KEY, after.requestId()));
    assertThat(closed.code()).isEqualTo(1100);
    assertThat(closed.reason()).isNull();
    assertThat(calls.get(a.baseUrl() + "/__admin/streams").status()).isEqualTo(200);
  }

  /**
   * Each instance's Lettuce reconnects by itself (at most a second apart), each in its own time; until then its
   * answers stay 1903 and nothing is written, so the call is simply repeated.
   */
  private static StreamCalls.Answer served(java.util.function.Supplier<StreamCalls.Answer> call) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    StreamCalls.Answer answer = call.get();
    while (answer.code() == 1903 && Instant.now().isBefore(deadline)) {
      assertThat(answer.reason()).isEqualTo("store unavailable");
      answer = call.get();
    }
    return answer;
  }

  @Test
  void aResetOnOneInstanceForgetsTheStreamsOfBoth() {
    String id = submit(a, "rtmp://cam/1").requestId();

    b.reset();

    assertThat(a.streams().find(id)).isEmpty();
    assertThat(a.streams().activeCount(KEY)).isZero();
    assertThat(calls.close(a.baseUrl(), KEY, id).reason()).isEqualTo("unknown stream (unknownStream policy: accept)");
  }


  @Test
  void providerStatesSetUpOnOneInstanceHoldForTheOtherAndATeardownClearsBoth() {
    a.providerStates().setUp(ProviderStates.STREAM_SLOTS_FULL, Map.of("accessKey", KEY));
    StreamCalls.Answer full = submit(b, "rtmp://cam/9");
    assertThat(full.code()).isEqualTo(1904);
    assertThat(full.reason()).isEqualTo("account has 2 ACTIVE streams, its maxStreams is 2");

    b.providerStates().tearDown(ProviderStates.STREAM_SLOTS_FULL);
    a.providerStates().setUp(ProviderStates.STREAM_WITH_URL_ACTIVE,
        Map.of("accessKey", KEY, "url", "rtmp://cam/held", "requestId", "held-1"));
    a.providerStates().setUp(ProviderStates.STREAM_ACTIVE, Map.of("accessKey", KEY, "requestId", "active-1"));

    assertThat(submit(b, "rtmp://cam/held").body().path("detail").path("dupRequestId").asText()).isEqualTo("held-1");
    assertThat(calls.close(b.baseUrl(), KEY, "active-1").reason()).isNull();
    assertThat(calls.close(a.baseUrl(), KEY, "active-1").reason()).isEqualTo("stream was already closed");

    b.providerStates().tearDown(ProviderStates.STREAM_ACTIVE);
    assertThat(a.streams().find("held-1")).isEmpty();
    assertThat(a.streams().activeCount(KEY)).isZero();
  }

  @Test
  void aScriptIsReplacedOnTheInstanceThatSimulatesTheStreamAndTheOtherSaysWhere() {
    String id = submit(a, "rtmp://cam/1").requestId();

    a.streams().replaceScript(id, Script.NONE);

    assertThatThrownBy(() -> b.streams().replaceScript(id, Script.NONE))
        .isInstanceOf(StreamConflictException.class)
        .hasMessage("requestId: stream '" + id + "' is simulated by the instance that opened it;"
            + " replace its script there");
  }

  @Test
  void aResetOnTheOtherInstanceStopsTheFrameCallbacksOfTheStreamsItRemoved() {
    submit(a, "rtmp://cam/1", "returnAllImg", "1", "detectFrequency", "1");
    clock.advance(Duration.ofSeconds(2));
    int beforeReset = received().size();
    assertThat(beforeReset).isPositive();

    b.reset();
    clock.advance(Duration.ofSeconds(10));

    assertThat(received()).hasSize(beforeReset);
  }

  @Test
  void aScriptReplacedOnTheOpenerDecidesTheEndCallbackTheOtherInstanceSends() throws Exception {
    String id = submit(a, "rtmp://cam/quiet", "returnFinishInfo", "1").requestId();
    a.streams().replaceScript(id, ScriptJson.script("script",
        new ObjectMapper().readTree("{\"frames\":[{\"at\":1,\"riskLevel\":\"REVIEW\"}]}")));
    clock.advance(Duration.ofSeconds(3));

    assertThat(calls.close(b.baseUrl(), KEY, id).code()).isEqualTo(1100);

    List<CallbackReceiver.Received> ends = received().stream().filter(SharedStreamsTest::isEnd).toList();
    assertThat(ends).hasSize(1);
    assertThat(ends.get(0).body().path("riskLevel").asText()).isEqualTo("REVIEW");
    assertThat(ends.get(0).body().path("auxInfo").path("streamTime").asLong()).isEqualTo(3);
  }

  @Test
  void aResetWhileRedisIsDownAnswers503AndTheGroupsStreamsAreThereWhenItReturns() {
    String id = submit(a, "rtmp://cam/1").requestId();

    try (RedisClient client = RedisClient.create(RedisURI.create(REDIS.uri()));
        StatefulRedisConnection<String, String> redis = client.connect()) {
      // Paused, not stopped: the data stays, only the answers stop (CLIENT PAUSE, longer than a command may wait).
      redis.sync().clientPause(3_000);
      StreamCalls.Answer reset = calls.post(a.baseUrl() + "/__admin/reset", "");
      assertThat(reset.status()).isEqualTo(503);
      assertThat(reset.body().path("error").asText()).startsWith("store: unavailable");
    }

    StreamCalls.Answer closed = served(() -> calls.close(b.baseUrl(), KEY, id));
    assertThat(closed.code()).isEqualTo(1100);
    assertThat(closed.reason()).as("the stream was not reset away").isNull();
  }

  @Test
  void theGroupsNoticeOfACloseCancelsTheOpenersTimerWithoutWaitingForItsDueTime() {
    String id = submit(a, "rtmp://cam/1", "returnAllImg", "1", "detectFrequency", "1").requestId();
    assertThat(clock.pendingTasks()).as("the opener's next frame").isEqualTo(1);

    assertThat(calls.close(b.baseUrl(), KEY, id).code()).isEqualTo(1100);

    // The notice arrives on its own thread; the clock does not move meanwhile.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (clock.pendingTasks() > 0 && Instant.now().isBefore(deadline)) {
      Thread.onSpinWait();
    }
    assertThat(clock.pendingTasks()).isZero();
  }
}
