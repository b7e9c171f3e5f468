package io.github.deepcleermock.mock.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.callbacks.CallbackAttempt;
import io.github.deepcleermock.mock.callbacks.CallbackKind;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import io.github.deepcleermock.mock.callbacks.EndOfStream;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.time.MockClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streams played out on a {@link MockClock} against a real receiver: which callbacks are sent, when, with what.
 * Every body the receiver gets is checked against the vendor spec's callback schemas.
 */
class SimulationAcceptanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration IDLE = Duration.ofSeconds(10);

  private CallbackReceiver receiver;
  private DeepCleerMock mock;

  @BeforeEach
  void start() {
    receiver = CallbackReceiver.start();
    mock = DeepCleerMock.builder().clock(new MockClock()).account(Account.of("key-1")).start();
  }

  @AfterEach
  void stop() {
    mock.close();
    receiver.close();
  }

  private void seed(String requestId, int returnFinishInfo, boolean audio, String data) throws Exception {
    mock.streams().open(new StreamSpec(requestId, "key-1", List.of(), receiver.url("/img"),
        audio ? receiver.url("/audio") : null, returnFinishInfo, (ObjectNode) JSON.readTree(data)));
  }

  private void advance(long seconds) {
    mock.clock().advance(Duration.ofSeconds(seconds));
    mock.awaitCallbacksIdle(IDLE);
  }

  private List<CallbackAttempt> sent() {
    List<CallbackAttempt> attempts = mock.callbacks().attempts(a -> a.attempt() == 1);
    attempts.forEach(a -> CallbackSchemas.assertValid(a.kind(), a.payload()));
    return attempts;
  }

  @Test
  void aRejectWordAndAnEndWordSendTheRejectedFrameThenTheEndCallback() throws Exception {
    seed("r1", 1, false, "{\"url\":\"rtmp://x/live/mock-reject-at-30/mock-end-at-60\",\"room\":\"room-9\","
        + "\"extra\":{\"passThrough\":{\"orderId\":\"o-1\"}}}");

    advance(59);
    assertThat(sent()).extracting(CallbackAttempt::kind).containsExactly(CallbackKind.FRAME_RESULT);
    assertThat(mock.streams().find("r1").orElseThrow().state()).isEqualTo(StreamState.ACTIVE);
    advance(1);

    List<CallbackAttempt> sent = sent();
    assertThat(sent).extracting(CallbackAttempt::kind)
        .containsExactly(CallbackKind.FRAME_RESULT, CallbackKind.STREAM_END);
    JsonNode frame = sent.get(0).payload();
    assertThat(frame.path("statCode").asInt(-1)).isZero();
    assertThat(frame.path("contentType").asInt()).isEqualTo(1);
    assertThat(frame.path("requestId").asText()).matches("\\d{13}_vs130_\\d{19}").doesNotContain("r1");
    assertThat(frame.path("frameDetail").path("riskLevel").asText()).isEqualTo("REJECT");
    assertThat(frame.path("frameDetail").path("imgUrl").asText())
        .isEqualTo(mock.baseUrl() + "/__media/streams/r1/frames/10.png");
    assertThat(frame.path("frameDetail").path("auxInfo").path("imgTime").asText())
        .isEqualTo("2026-01-01 00:00:30.000");
    assertThat(frame.path("frameDetail").path("auxInfo").path("room").asText()).isEqualTo("room-9");
    assertThat(frame.path("auxInfo").path("passThrough").path("orderId").asText()).isEqualTo("o-1");
    JsonNode end = sent.get(1).payload();
    assertThat(end.path("statCode").asInt()).isEqualTo(1);
    assertThat(end.path("requestId").asText()).isEqualTo("r1");
    assertThat(end.path("riskLevel").asText()).isEqualTo("REJECT");
    assertThat(end.path("pullStreamSuccess").asBoolean()).isTrue();
    assertThat(end.path("auxInfo").path("streamTime").asLong()).isEqualTo(60);
    assertThat(end.path("auxInfo").has("errorCode")).isFalse();
    assertThat(mock.streams().find("r1").orElseThrow().state()).isEqualTo(StreamState.ENDED);
    assertThat(receiver.received()).hasSize(2);
    assertThat(receiver.received()).allSatisfy(r -> {
      assertThat(r.path()).isEqualTo("/img");
      assertThat(r.mockStream()).as("X-Mock-Stream names the stream").isEqualTo("r1");
    });
  }

  @Test
  void aStreamSubmittedWithAcceptLangZhKeepsChineseTextsInItsCallbacks() throws Exception {
    ObjectNode data = (ObjectNode) JSON.readTree("{\"returnAllImg\":1,\"detectFrequency\":1}");
    ObjectNode submitted = JSON.createObjectNode().put("acceptLang", "zh");
    submitted.set("data", data);
    mock.streams().open(StreamSpec.builder().requestId("zh-1").accessKey("key-1").imgCallback(receiver.url("/img"))
        .returnFinishInfo(1).data(data).submitted(submitted).build());

    advance(0);
    mock.streams().end("zh-1", EndOfStream.CLOSED_BY_CLIENT);
    mock.awaitCallbacksIdle(IDLE);

    List<CallbackAttempt> sent = sent();
    assertThat(sent).extracting(CallbackAttempt::kind)
        .containsExactly(CallbackKind.FRAME_RESULT, CallbackKind.STREAM_END);
    assertThat(sent).allSatisfy(attempt -> assertThat(attempt.payload().path("message").asText()).isEqualTo("成功"));
    assertThat(sent.get(0).payload().at("/frameDetail/riskDescription").asText()).isEqualTo("正常");
  }

  @Test
  void returnAllImgSendsEveryFrameAtTheDetectFrequencyAndNoStatCodeWithoutReturnFinishInfo() throws Exception {
    seed("r1", 0, false, "{\"returnAllImg\":1,\"detectFrequency\":2.7}");

    advance(6);

    List<CallbackAttempt> sent = sent();
    assertThat(sent).hasSize(4); // frames at 0, 2, 4, 6 s (2.7 rounds down to 2)
    assertThat(sent).extracting(a -> a.at().toString()).containsExactly(
        "2026-01-01T00:00:00Z", "2026-01-01T00:00:02Z", "2026-01-01T00:00:04Z", "2026-01-01T00:00:06Z");
    assertThat(sent).allSatisfy(a -> {
      assertThat(a.payload().has("statCode")).isFalse();
      assertThat(a.payload().path("frameDetail").path("riskLevel").asText()).isEqualTo("PASS");
      assertThat(a.payload().path("frameDetail").path("riskLabel1").asText()).isEqualTo("normal");
      assertThat(a.payload().path("frameDetail").path("auxInfo").has("detectType")).isFalse();
    });
  }

  @Test
  void withoutReturnAllImgOnlyFramesThatDoNotPassAreSent() throws Exception {
    seed("r1", 0, false, "{\"detectFrequency\":1,\"url\":\"rtmp://x/mock-review-at-3\"}");

    advance(10);

    List<CallbackAttempt> sent = sent();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).payload().path("frameDetail").path("riskLevel").asText()).isEqualTo("REVIEW");
    assertThat(sent.get(0).payload().path("frameDetail").path("imgUrl").asText()).endsWith("/frames/3.png");
  }

  @Test
  void detectStepModeratesEveryKthFrameAndMarksTheOthersSkipped() throws Exception {
    seed("r1", 0, false, "{\"returnAllImg\":1,\"detectFrequency\":1,\"detectStep\":3,"
        + "\"url\":\"rtmp://x/mock-reject-at-1\"}");

    advance(3);

    List<CallbackAttempt> sent = sent();
    assertThat(sent).extracting(a -> a.payload().path("frameDetail").path("auxInfo").path("detectType").asInt())
        .containsExactly(1, 2, 2, 1);
    // The verdict at 1 s falls on the next moderated frame (3 s), not on a skipped one.
    assertThat(sent).extracting(a -> a.payload().path("frameDetail").path("riskLevel").asText())
        .containsExactly("PASS", "PASS", "PASS", "REJECT");
  }

  @Test
  void audioSegmentsAreSentWhenCompleteWithAudioDetectStepAndTheScriptsTranscript() throws Exception {
    mock.scenarios().add(new ScenarioSpec(new ScenarioMatch(null, null, "room-a", null), new Script(
        List.of(), List.of(new Script.SegmentRule(2, Verdict.of(RiskLevel.REJECT, "abuse", null, null, null,
            "you fool"))), null, null)));
    seed("r1", 1, true, "{\"room\":\"room-a\",\"returnAllText\":1,\"audioDetectStep\":2,\"detectFrequency\":60}");

    advance(45);

    List<CallbackAttempt> audio = sent().stream().filter(a -> a.kind() == CallbackKind.AUDIO_RESULT).toList();
    assertThat(audio).extracting(a -> a.at().toString())
        .containsExactly("2026-01-01T00:00:10Z", "2026-01-01T00:00:30Z");
    JsonNode rejected = audio.get(1).payload();
    assertThat(rejected.path("requestId").asText()).matches("\\d{13}_vs130_\\d{19}_2");
    assertThat(rejected.path("audioDetail").path("riskLevel").asText()).isEqualTo("REJECT");
    assertThat(rejected.path("audioDetail").path("riskLabel1").asText()).isEqualTo("abuse");
    assertThat(rejected.path("audioDetail").path("content").asText()).isEqualTo("you fool");
    assertThat(rejected.path("audioDetail").path("vadCode").asInt()).isEqualTo(1);
    assertThat(rejected.path("audioDetail").path("auxInfo").path("audioStartTime").asText())
        .isEqualTo("2026-01-01 00:00:20");
    assertThat(rejected.path("audioDetail").path("auxInfo").path("audioEndTime").asText())
        .isEqualTo("2026-01-01 00:00:30");
    assertThat(rejected.path("requestParams").path("room").asText()).isEqualTo("room-a");
    assertThat(receiver.received()).filteredOn(r -> r.path().equals("/audio")).hasSize(2);
  }

  @Test
  void aCloseSendsOneEndCallbackPerMediumWithItsWorstVerdictAndNothingAfterIt() throws Exception {
    mock.scenarios().add(new ScenarioSpec(ScenarioMatch.ANY, new Script(
        List.of(new Script.FrameRule(6, Verdict.of(RiskLevel.REVIEW, null, null, null, null, null))),
        List.of(), null, null)));
    seed("r1", 1, true, "{\"returnAllImg\":1}");
    advance(7);

    new AdminClientCloser(mock).close("key-1", "r1");
    mock.awaitCallbacksIdle(IDLE);
    advance(120);

    List<CallbackAttempt> sent = sent();
    assertThat(sent).extracting(CallbackAttempt::kind).containsExactly(
        CallbackKind.FRAME_RESULT, CallbackKind.FRAME_RESULT, CallbackKind.FRAME_RESULT,
        CallbackKind.STREAM_END, CallbackKind.STREAM_END);
    JsonNode imageEnd = sent.get(3).payload();
    JsonNode audioEnd = sent.get(4).payload();
    assertThat(imageEnd.path("contentType").asInt()).isEqualTo(1);
    assertThat(imageEnd.path("riskLevel").asText()).isEqualTo("REVIEW");
    assertThat(imageEnd.path("auxInfo").path("streamTime").asLong()).isEqualTo(7);
    assertThat(audioEnd.path("contentType").asInt()).isEqualTo(2);
    assertThat(audioEnd.path("riskLevel").asText()).isEqualTo("PASS");
    assertThat(sent.get(4).target()).isEqualTo(receiver.url("/audio"));
  }

  @Test
  void aPullFailureEndsAfterTheTwelvePullRetriesWithItsErrorCodeAndNoFrame() throws Exception {
    seed("r1", 1, false, "{\"returnAllImg\":1,\"url\":\"rtmp://x/live/mock-pull-fail-3003\"}");

    advance(389);
    assertThat(sent()).isEmpty();
    assertThat(mock.streams().find("r1").orElseThrow().state()).isEqualTo(StreamState.ACTIVE);
    advance(1);

    List<CallbackAttempt> sent = sent();
    assertThat(sent).hasSize(1);
    JsonNode end = sent.get(0).payload();
    assertThat(end.path("pullStreamSuccess").asBoolean()).isFalse();
    assertThat(end.path("auxInfo").path("errorCode").asInt()).isEqualTo(3003);
    assertThat(end.path("auxInfo").path("streamTime").asLong()).isZero();
    assertThat(mock.streams().find("r1").orElseThrow().state()).isEqualTo(StreamState.ENDED);
  }

  @Test
  void anAgoraPullFailureIsNotRetriedAndEndsAfterTheFiveMinutePullTimeout() throws Exception {
    mock.scenarios().add(new ScenarioSpec(new ScenarioMatch("key-1", null, null, null),
        new Script(List.of(), List.of(), null, new Script.PullFailure(3005, 20))));
    seed("r1", 1, false, "{\"streamType\":\"AGORA\",\"detectFrequency\":10,\"returnAllImg\":1}");

    advance(319);
    assertThat(mock.streams().find("r1").orElseThrow().state()).isEqualTo(StreamState.ACTIVE);
    advance(1);

    List<CallbackAttempt> sent = sent();
    assertThat(sent).extracting(CallbackAttempt::kind).containsExactly(
        CallbackKind.FRAME_RESULT, CallbackKind.FRAME_RESULT, CallbackKind.STREAM_END);
    JsonNode end = sent.get(2).payload();
    assertThat(end.path("pullStreamSuccess").asBoolean()).isTrue();
    assertThat(end.path("auxInfo").path("errorCode").asInt()).isEqualTo(3005);
    assertThat(end.path("auxInfo").path("streamTime").asLong()).isEqualTo(20);
  }

  @Test
  void theAdminEndTakesTheWorstVerdictUnlessItNamesOne() throws Exception {
    seed("r1", 1, false, "{\"detectFrequency\":1,\"url\":\"rtmp://x/mock-reject-at-2\"}");
    seed("r2", 1, false, "{\"detectFrequency\":1,\"url\":\"rtmp://x/mock-reject-at-2\"}");
    advance(5);

    mock.streams().end("r1", new EndOfStream(null, null, null, null, null));
    mock.streams().end("r2", new EndOfStream(3001, "PASS", false));
    mock.awaitCallbacksIdle(IDLE);
    advance(30);

    List<CallbackAttempt> ends = sent().stream().filter(a -> a.kind() == CallbackKind.STREAM_END).toList();
    assertThat(ends).extracting(a -> a.payload().path("riskLevel").asText()).containsExactly("REJECT", "PASS");
    assertThat(ends.get(1).payload().path("pullStreamSuccess").asBoolean()).isFalse();
    assertThat(mock.callbacks().attempts(a -> a.kind() == CallbackKind.FRAME_RESULT)).hasSize(2);
  }

  @Test
  void aReplacedScriptRulesFromNowOn() throws Exception {
    seed("r1", 1, false, "{\"detectFrequency\":1}");
    advance(10);

    mock.streams().replaceScript("r1", new Script(
        List.of(new Script.FrameRule(12, Verdict.of(RiskLevel.REJECT, null, null, null, null, null))),
        List.of(), 15L, null));
    advance(20);

    List<CallbackAttempt> sent = sent();
    assertThat(sent).extracting(CallbackAttempt::kind)
        .containsExactly(CallbackKind.FRAME_RESULT, CallbackKind.STREAM_END);
    assertThat(sent.get(0).at().toString()).isEqualTo("2026-01-01T00:00:12Z");
    assertThat(sent.get(1).payload().path("auxInfo").path("streamTime").asLong()).isEqualTo(15);
  }

  @Test
  void onlyAStreamWaitingForAnEventHoldsATimerAndAResetCancelsIt() throws Exception {
    int before = mock.clock().pendingTasks();
    seed("quiet", 1, false, "{}");
    assertThat(mock.clock().pendingTasks()).as("a quiet stream waits for nothing").isEqualTo(before);
    seed("scripted", 1, false, "{\"url\":\"rtmp://x/live/mock-reject-at-30\"}");
    assertThat(mock.clock().pendingTasks()).as("its frame at 30 s").isEqualTo(before + 1);

    mock.reset();

    assertThat(mock.clock().pendingTasks()).isEqualTo(before);
    advance(60);
    assertThat(sent()).isEmpty();
  }

  @Test
  void theSameStreamsGiveTheSameCallbacksInTheSameOrderEveryRun() throws Exception {
    List<String> first = playOut();
    mock.reset();
    List<String> second = playOut();

    assertThat(first).hasSizeGreaterThan(20).isEqualTo(second);
  }

  private List<String> playOut() throws Exception {
    seed("a", 1, true, "{\"returnAllImg\":1,\"returnAllText\":1,\"detectFrequency\":1,"
        + "\"url\":\"rtmp://x/mock-reject-at-4/mock-end-at-25\"}");
    seed("b", 1, false, "{\"returnAllImg\":1,\"detectFrequency\":3,\"url\":\"rtmp://x/mock-review-at-2\"}");
    advance(30);
    List<String> seen = sent().stream()
        .map(a -> a.streamRequestId() + " " + a.kind() + " " + a.payload().path("requestId").asText().replaceAll(
            "^\\d{13}", "<ms>") + " " + a.payload().path("frameDetail").path("riskLevel").asText())
        .toList();
    return seen;
  }

  /** Closes through the vendor endpoint, as a client would. */
  private record AdminClientCloser(DeepCleerMock mock) {
    void close(String accessKey, String requestId) {
      assertThat(AdminClient.of(mock).closeCode(accessKey, requestId)).isEqualTo(1100);
    }
  }
}
