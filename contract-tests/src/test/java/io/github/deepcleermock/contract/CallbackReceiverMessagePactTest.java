package io.github.deepcleermock.contract;

import static io.github.deepcleermock.mock.pact.MessageStates.CLIENT_CLOSES_THE_STREAM;
import static io.github.deepcleermock.mock.pact.MessageStates.STREAM_PLAYS_A_SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.deepcleermock.client.model.RiskLevel;
import io.github.deepcleermock.contract.SampleCallbackReceiver.Decision;
import io.github.deepcleermock.contract.SampleCallbackReceiver.ReviewAudio;
import io.github.deepcleermock.contract.SampleCallbackReceiver.StreamFinished;
import io.github.deepcleermock.contract.SampleCallbackReceiver.TakeDownFrame;
import io.github.deepcleermock.mock.pact.CallbackMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The callback message pact: what a team's receiver ({@link SampleCallbackReceiver}) relies on in each callback
 * the mock sends, under provider states that name the stream and its script. Each test feeds the pact's message to
 * the receiver, so the pact records only what the receiver reads, with matchers where values vary.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(
    providerName = PactParticipants.CALLBACK_PROVIDER,
    providerType = ProviderType.ASYNCH,
    pactVersion = PactSpecVersion.V4)
class CallbackReceiverMessagePactTest {

  private static final String RESULT_ID = "^\\d{13}_vs130_\\d{19}(_\\d+)?$";
  private static final String LEVEL = "^(PASS|REVIEW|REJECT)$";
  private static final Map<String, Object> JSON = Map.of("contentType", "application/json");

  private final SampleCallbackReceiver receiver = new SampleCallbackReceiver();

  private static Map<String, Object> stream(String requestId, Map<String, Object> script, Object... more) {
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    params.put("accessKey", "YOUR_ACCESS_KEY");
    params.put("requestId", requestId);
    params.put("script", script);
    for (int i = 0; i < more.length; i += 2) {
      params.put((String) more[i], more[i + 1]);
    }
    return params;
  }

  @Pact(consumer = PactParticipants.CALLBACK_CONSUMER)
  V4Pact rejectedFrame(MessagePactBuilder builder) {
    DslPart body = new PactDslJsonBody()
        .numberValue("code", 1100)
        .stringMatcher("requestId", RESULT_ID, "1795974190662_vs130_1182004559106923252")
        .numberValue("statCode", 0)
        .numberValue("contentType", 1)
        .object("frameDetail")
            .stringMatcher("imgUrl", "^https?://.+\\.png$",
                "http://127.0.0.1:8080/__media/streams/stream-1/frames/10.png")
            .stringValue("riskLevel", "REJECT")
            .stringType("riskLabel1", "violence")
            .stringType("riskDescription", "Violence: bloody")
        .closeObject()
        .object("auxInfo")
            .object("passThrough").stringValue("orderId", "o-1").closeObject()
        .closeObject();
    return builder
        .given(STREAM_PLAYS_A_SCRIPT, stream("stream-1",
            Map.of("frames", List.of(Map.of("at", 30, "riskLevel", "REJECT")), "endAt", 60),
            "data", Map.of("extra", Map.of("passThrough", Map.of("orderId", "o-1")))))
        .expectsToReceive(CallbackMessage.REJECTED_FRAME_RESULT.description())
        .withMetadata(JSON)
        .withContent(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "rejectedFrame")
  void aRejectedFrameMakesTheReceiverTakeItDownByPassThrough(V4Pact pact) {
    Decision decision = receiver.handle(onlyMessage(pact));

    assertThat(decision).isInstanceOfSatisfying(TakeDownFrame.class, takeDown -> {
      assertThat(takeDown.imageUrl()).endsWith(".png");
      assertThat(takeDown.label()).isEqualTo("violence");
      assertThat(takeDown.passThrough()).containsEntry("orderId", "o-1");
    });
  }

  @Pact(consumer = PactParticipants.CALLBACK_CONSUMER)
  V4Pact audioResult(MessagePactBuilder builder) {
    DslPart body = new PactDslJsonBody()
        .numberValue("code", 1100)
        .stringMatcher("requestId", RESULT_ID, "1795976891838_vs130_8996675975114295229_1")
        .numberValue("statCode", 0)
        .numberValue("contentType", 2)
        .object("audioDetail")
            .stringMatcher("audioUrl", "^https?://.+\\.wav$",
                "http://127.0.0.1:8080/__media/streams/stream-2/segments/1.wav")
            .stringMatcher("riskLevel", LEVEL, "REVIEW")
            .stringValue("content", "call me at 555")
        .closeObject()
        .object("requestParams").stringValue("room", "room-7").closeObject();
    return builder
        .given(STREAM_PLAYS_A_SCRIPT, stream("stream-2",
            Map.of("audio", List.of(Map.of("segment", 1, "riskLevel", "REVIEW", "text", "call me at 555")),
                "endAt", 30),
            "data", Map.of("room", "room-7")))
        .expectsToReceive(CallbackMessage.AUDIO_RESULT.description())
        .withMetadata(JSON)
        .withContent(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "audioResult")
  void aRiskyAudioSegmentGoesToReviewWithItsTranscript(V4Pact pact) {
    Decision decision = receiver.handle(onlyMessage(pact));

    assertThat(decision).isEqualTo(
        new ReviewAudio("1795976891838_vs130_8996675975114295229_1", RiskLevel.REVIEW, "call me at 555",
            Map.of("room", "room-7")));
  }

  @Pact(consumer = PactParticipants.CALLBACK_CONSUMER)
  V4Pact endAfterClose(MessagePactBuilder builder) {
    DslPart body = new PactDslJsonBody()
        .numberValue("code", 1100)
        .stringValue("requestId", "stream-3")
        .numberValue("statCode", 1)
        .numberValue("contentType", 1)
        .stringMatcher("riskLevel", LEVEL, "PASS")
        .booleanValue("pullStreamSuccess", true)
        .object("auxInfo").integerType("streamTime", 20).closeObject();
    return builder
        .given(STREAM_PLAYS_A_SCRIPT, stream("stream-3", Map.of(), "audio", false))
        .given(CLIENT_CLOSES_THE_STREAM, Map.of("seconds", 20))
        .expectsToReceive(CallbackMessage.END_AFTER_CLOSE.description())
        .withMetadata(JSON)
        .withContent(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "endAfterClose")
  void theEndAfterACloseFinishesTheStreamWithoutAPullError(V4Pact pact) {
    Decision decision = receiver.handle(onlyMessage(pact));

    assertThat(decision).isEqualTo(new StreamFinished("stream-3", 1, RiskLevel.PASS, 20, true, null));
  }

  @Pact(consumer = PactParticipants.CALLBACK_CONSUMER)
  V4Pact endAfterPullFailure(MessagePactBuilder builder) {
    DslPart body = new PactDslJsonBody()
        .numberValue("code", 1100)
        .stringValue("requestId", "stream-4")
        .numberValue("statCode", 1)
        .numberValue("contentType", 1)
        .stringMatcher("riskLevel", LEVEL, "REVIEW")
        .booleanType("pullStreamSuccess", true)
        .object("auxInfo")
            .integerType("streamTime", 10)
            .integerMatching("errorCode", "^300[1-5]$", 3001)
        .closeObject();
    return builder
        .given(STREAM_PLAYS_A_SCRIPT, stream("stream-4",
            Map.of("frames", List.of(Map.of("at", 3, "riskLevel", "REVIEW")),
                "pullFailure", Map.of("errorCode", 3001, "afterSeconds", 10)),
            "audio", false))
        .expectsToReceive(CallbackMessage.END_AFTER_PULL_FAILURE.description())
        .withMetadata(JSON)
        .withContent(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "endAfterPullFailure")
  void theEndAfterAPullFailureCarriesTheErrorCodeToRestartOn(V4Pact pact) {
    Decision decision = receiver.handle(onlyMessage(pact));

    assertThat(decision).isEqualTo(new StreamFinished("stream-4", 1, RiskLevel.REVIEW, 10, true, 3001));
  }

  @Pact(consumer = PactParticipants.CALLBACK_CONSUMER)
  V4Pact audioEnd(MessagePactBuilder builder) {
    DslPart body = new PactDslJsonBody()
        .numberValue("code", 1100)
        .stringValue("requestId", "stream-5")
        .numberValue("statCode", 1)
        .numberValue("contentType", 2)
        .stringMatcher("riskLevel", LEVEL, "REJECT")
        .booleanType("pullStreamSuccess", true)
        .object("auxInfo").integerType("streamTime", 30).closeObject()
        .object("requestParams").stringValue("room", "room-9").closeObject();
    return builder
        .given(STREAM_PLAYS_A_SCRIPT, stream("stream-5",
            Map.of("audio", List.of(Map.of("segment", 2, "riskLevel", "REJECT")), "endAt", 30),
            "data", Map.of("room", "room-9")))
        .expectsToReceive(CallbackMessage.AUDIO_END.description())
        .withMetadata(JSON)
        .withContent(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "audioEnd")
  void theAudioEndCarriesTheWorstAudioVerdict(V4Pact pact) {
    Decision decision = receiver.handle(onlyMessage(pact));

    assertThat(decision).isEqualTo(new StreamFinished("stream-5", 2, RiskLevel.REJECT, 30, true, null));
  }

  private static byte[] onlyMessage(V4Pact pact) {
    assertThat(pact.getInteractions()).hasSize(1);
    V4Interaction.AsynchronousMessage message = pact.getInteractions().get(0).asAsynchronousMessage();
    assertThat(message).isNotNull();
    return message.getContents().getContents().getValue();
  }
}
