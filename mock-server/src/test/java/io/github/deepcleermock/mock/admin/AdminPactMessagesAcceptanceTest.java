package io.github.deepcleermock.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import io.github.deepcleermock.mock.time.MockClock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /__admin/pact/messages}: callbacks produced in a sandbox, every exchange checked against the spec. */
class AdminPactMessagesAcceptanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REJECT_AT_30 = "{\"name\":\"stream plays a script\",\"params\":{\"accessKey\":"
      + "\"YOUR_ACCESS_KEY\",\"requestId\":\"stream-1\",\"data\":{\"extra\":{\"passThrough\":{\"orderId\":\"o-1\"}}},"
      + "\"script\":{\"frames\":[{\"at\":30,\"riskLevel\":\"REJECT\"}],\"audio\":[{\"segment\":2,"
      + "\"riskLevel\":\"REVIEW\",\"text\":\"call me\"}],\"endAt\":60}}}";

  private CallbackReceiver receiver;
  private DeepCleerMock mock;
  private AdminClient admin;

  @BeforeEach
  void start() {
    receiver = CallbackReceiver.start();
    mock = DeepCleerMock.builder().clock(new MockClock()).start();
    admin = AdminClient.of(mock);
  }

  @AfterEach
  void stop() {
    mock.close();
    receiver.close();
  }

  private AdminClient.Reply message(String description, String... states) {
    return admin.post("/__admin/pact/messages",
        "{\"description\":\"" + description + "\",\"providerStates\":[" + String.join(",", states) + "]}");
  }

  private static JsonNode metadata(AdminClient.Reply reply) throws Exception {
    String header = reply.headers().firstValue("Pact-Message-Metadata").orElseThrow();
    return JSON.readTree(Base64.getDecoder().decode(header));
  }

  @Test
  void aRejectedFrameResultIsTheFirstFrameResultTheScriptedSimulationSends() throws Exception {
    AdminClient.Reply reply = message("a rejected frame result", REJECT_AT_30);

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.path("contentType").asInt()).isEqualTo(1);
    assertThat(body.path("statCode").asInt()).isZero();
    assertThat(body.at("/frameDetail/riskLevel").asText()).isEqualTo("REJECT");
    assertThat(body.path("requestId").asText()).matches("\\d{13}_vs130_\\d{19}");
    assertThat(body.at("/auxInfo/passThrough/orderId").asText()).isEqualTo("o-1");
    JsonNode metadata = metadata(reply);
    assertThat(metadata.path("contentType").asText()).isEqualTo("application/json");
    assertThat(metadata.path("kind").asText()).isEqualTo("FRAME_RESULT");
    assertThat(metadata.path("target").asText()).isEqualTo("imgCallback");
  }

  @Test
  void theAudioResultCarriesTheScriptedTranscript() throws Exception {
    AdminClient.Reply reply = message("an audio result", REJECT_AT_30);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().at("/audioDetail/riskLevel").asText()).isEqualTo("REVIEW");
    assertThat(reply.json().at("/audioDetail/content").asText()).isEqualTo("call me");
    assertThat(metadata(reply).path("target").asText()).isEqualTo("audioCallback");
  }

  @Test
  void theEndAfterACloseCountsTheSecondsUntilTheClose() {
    AdminClient.Reply reply = message("an end callback after a close",
        "{\"name\":\"stream plays a script\",\"params\":{\"requestId\":\"s2\",\"script\":{}}}",
        "{\"name\":\"client closes the stream\",\"params\":{\"seconds\":20}}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("requestId").asText()).isEqualTo("s2");
    assertThat(reply.json().path("statCode").asInt()).isEqualTo(1);
    assertThat(reply.json().path("riskLevel").asText()).isEqualTo("PASS");
    assertThat(reply.json().at("/auxInfo/streamTime").asInt()).isEqualTo(20);
    assertThat(reply.json().at("/auxInfo/errorCode").isMissingNode()).isTrue();
  }

  @Test
  void theEndAfterAPullFailureCarriesItsErrorCode() {
    AdminClient.Reply reply = message("an end callback after a pull failure",
        "{\"name\":\"stream plays a script\",\"params\":{\"requestId\":\"s3\",\"audio\":false,"
            + "\"script\":{\"pullFailure\":{\"errorCode\":3002,\"afterSeconds\":0}}}}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("pullStreamSuccess").asBoolean()).isFalse();
    assertThat(reply.json().at("/auxInfo/errorCode").asInt()).isEqualTo(3002);
  }

  @Test
  void producingAMessageLeavesTheLiveMocksStreamsJournalAndCallbackLogUntouched() {
    admin.post("/__admin/streams", "{\"requestId\":\"live-1\",\"accessKey\":\"YOUR_ACCESS_KEY\",\"imgCallback\":\""
        + receiver.url("/img") + "\",\"returnFinishInfo\":1,\"data\":{\"url\":\"rtmp://x/live/mock-reject-at-3\"}}");
    mock.clock().advance(Duration.ofSeconds(3));
    mock.awaitCallbacksIdle(Duration.ofSeconds(10));
    admin.close("YOUR_ACCESS_KEY", "nobody");
    String streams = admin.get("/__admin/streams").body();
    String journal = admin.get("/__admin/requests").body();
    String callbacks = admin.get("/__admin/callbacks").body();
    String live = admin.get("/__admin/streams/live-1").body();

    assertThat(message("a rejected frame result", REJECT_AT_30).status()).isEqualTo(200);
    assertThat(message("an end callback after a close",
        "{\"name\":\"stream plays a script\",\"params\":{\"requestId\":\"live-1\",\"script\":{}}}",
        "{\"name\":\"client closes the stream\",\"params\":{\"seconds\":5}}").status()).isEqualTo(200);

    assertThat(admin.get("/__admin/streams").body()).isEqualTo(streams);
    assertThat(admin.get("/__admin/requests").body()).isEqualTo(journal);
    assertThat(admin.get("/__admin/callbacks").body()).isEqualTo(callbacks);
    assertThat(admin.get("/__admin/streams/live-1").body()).isEqualTo(live).contains("\"state\":\"ACTIVE\"");
    assertThat(receiver.count()).isEqualTo(1);
  }

  @Test
  void anUnknownDescriptionIsA404ListingTheKnownOnes() {
    AdminClient.Reply reply = message("a blurred frame", REJECT_AT_30);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorField()).isEqualTo("description");
    assertThat(reply.json().path("knownDescriptions")).extracting(JsonNode::asText).containsExactly(
        "a rejected frame result", "an audio result", "an end callback after a close",
        "an end callback after a pull failure", "an audio end callback");
  }

  @Test
  void badBodiesAndBadStatesAre400sNamingTheField() {
    assertThat(admin.sendBad("POST", "/__admin/pact/messages", "[1]").errorField()).isEqualTo("body");
    assertThat(admin.sendBad("POST", "/__admin/pact/messages", "{\"providerStates\":[]}").errorField())
        .isEqualTo("description");
    assertThat(message("an audio result", "{\"name\":\"stream is running\"}").error())
        .startsWith("providerStates[0].name: unknown state 'stream is running'");
    assertThat(message("an audio result").error()).contains("needs the state 'stream plays a script'");
    assertThat(message("an audio result",
        "{\"name\":\"stream plays a script\",\"params\":{\"requestId\":\"x\",\"script\":{\"endAt\":\"soon\"}}}")
        .errorField()).isEqualTo("providerStates[0].params.script.endAt");
  }

  @Test
  void statesUnderWhichNoSuchCallbackIsSentAreA400() {
    AdminClient.Reply reply = message("an audio result",
        "{\"name\":\"stream plays a script\",\"params\":{\"requestId\":\"quiet\",\"script\":{\"endAt\":30}}}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error()).contains("sends no AUDIO_RESULT callback");
  }
}
