package io.github.deepcleermock.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.callbacks.CallbackKind;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import io.github.deepcleermock.mock.time.MockClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenario rules and stream scripts through the admin API, every exchange checked against admin-openapi.yaml. */
class AdminScenariosAcceptanceTest {

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

  private void seed(String requestId, String data) {
    assertThat(admin.post("/__admin/streams", "{\"requestId\":\"" + requestId + "\",\"accessKey\":\"YOUR_ACCESS_KEY\","
        + "\"imgCallback\":\"" + receiver.url("/img") + "\",\"returnFinishInfo\":1,\"data\":" + data + "}").status())
        .isEqualTo(201);
  }

  @Test
  void theFirstMatchingScenarioGivesAnOpeningStreamItsScript() {
    var added = admin.post("/__admin/scenarios", "{\"match\":{\"room\":\"room-1\"},\"script\":{\"frames\":"
        + "[{\"at\":3,\"riskLevel\":\"REVIEW\",\"riskLabel1\":\"ad\"}],\"endAt\":6}}");
    admin.post("/__admin/scenarios", "{\"script\":{\"endAt\":100}}");
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().path("id").asText()).startsWith("scenario-");
    assertThat(added.json().path("script").path("frames").get(0).path("riskLabel1").asText()).isEqualTo("ad");

    seed("in-room", "{\"room\":\"room-1\"}");
    seed("elsewhere", "{\"room\":\"room-2\"}");
    mock.clock().advance(Duration.ofSeconds(6));
    mock.awaitCallbacksIdle(Duration.ofSeconds(10));

    assertThat(admin.get("/__admin/streams/in-room").json().path("state").asText()).isEqualTo("ENDED");
    assertThat(admin.get("/__admin/streams/elsewhere").json().path("simulation").path("script").path("endAt")
        .asLong()).isEqualTo(100);
    assertThat(mock.callbacks().attempts()).extracting(a -> a.streamRequestId() + " " + a.kind())
        .containsExactly("in-room " + CallbackKind.FRAME_RESULT, "in-room " + CallbackKind.STREAM_END);
    assertThat(admin.get("/__admin/scenarios").items("scenarios")).hasSize(2);
  }

  @Test
  void scenariosAreRemovedOneByOneOrAllAndAResetRestoresNone() {
    String id = admin.post("/__admin/scenarios", "{\"script\":{}}").json().path("id").asText();
    admin.post("/__admin/scenarios", "{\"script\":{}}");

    assertThat(admin.delete("/__admin/scenarios/" + id).status()).isEqualTo(204);
    assertThat(admin.delete("/__admin/scenarios/" + id).status()).isEqualTo(404);
    assertThat(admin.get("/__admin/scenarios").items("scenarios")).hasSize(1);
    admin.post("/__admin/reset", "");
    assertThat(admin.get("/__admin/scenarios").items("scenarios")).isEmpty();
    admin.post("/__admin/scenarios", "{\"script\":{}}");
    assertThat(admin.delete("/__admin/scenarios").status()).isEqualTo(204);
    assertThat(admin.get("/__admin/scenarios").items("scenarios")).isEmpty();
  }

  @Test
  void aBadScriptIsA400NamingTheField() {
    var reply = admin.sendBad("POST", "/__admin/scenarios",
        "{\"script\":{\"frames\":[{\"at\":3,\"riskLevel\":\"BAD\"}]}}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error()).startsWith("script.frames[0].riskLevel:");
    assertThat(admin.sendBad("POST", "/__admin/scenarios", "{\"script\":{\"pullFailure\":{\"errorCode\":3009}}}")
        .error()).startsWith("script.pullFailure.errorCode:");
    assertThat(admin.sendBad("POST", "/__admin/scenarios", "{\"match\":{}}").error()).startsWith("script:");
  }

  @Test
  void aRunningStreamsScriptIsReplacedAndAnEndedOneIsAConflict() {
    seed("r1", "{\"detectFrequency\":1}");
    mock.clock().advance(Duration.ofSeconds(2));

    var replaced = admin.put("/__admin/streams/r1/script", "{\"endAt\":5}");
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().path("simulation").path("framesCaptured").asLong()).isEqualTo(3);
    mock.clock().advance(Duration.ofSeconds(3));
    mock.awaitCallbacksIdle(Duration.ofSeconds(10));

    assertThat(admin.get("/__admin/streams/r1").json().path("state").asText()).isEqualTo("ENDED");
    assertThat(admin.sendBad("PUT", "/__admin/streams/r1/script", "{}").status()).isEqualTo(409);
    assertThat(admin.sendBad("PUT", "/__admin/streams/nope/script", "{}").status()).isEqualTo(404);
  }

  @Test
  void seedingRejectsBadSimulationSettingsAndBadUrlWords() {
    var reply = admin.sendBad("POST", "/__admin/streams",
        "{\"requestId\":\"r1\",\"accessKey\":\"YOUR_ACCESS_KEY\",\"data\":{\"detectFrequency\":90}}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error()).startsWith("data.detectFrequency:");
    assertThat(admin.sendBad("POST", "/__admin/streams",
        "{\"requestId\":\"r1\",\"accessKey\":\"YOUR_ACCESS_KEY\",\"data\":{\"url\":\"rtmp://x/mock-pull-fail-42\"}}")
        .error()).startsWith("data.url:");
    assertThat(admin.get("/__admin/streams").items("streams")).isEmpty();
  }
}
