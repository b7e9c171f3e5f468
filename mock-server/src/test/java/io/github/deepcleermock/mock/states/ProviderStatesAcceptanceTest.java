package io.github.deepcleermock.mock.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import io.github.deepcleermock.mock.time.MockClock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /__admin/provider-states}: the Pact state vocabulary, both request forms, setup and teardown. */
class ProviderStatesAcceptanceTest {

  private static final String STATES = "/__admin/provider-states";
  /** DESIGN.md "Provider states", word for word and in its order. */
  private static final List<String> DESIGN_STATES = List.of(
      "access key is authorized",
      "access key is not authorized",
      "stream is active",
      "stream is closed",
      "QPS limit is exhausted",
      "stream count limit is reached",
      "service is failing",
      "access key has reached its stream limit",
      "stream with url is active");

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
      .configure(builder -> builder.clock(new MockClock()).account(Account.of("YOUR_ACCESS_KEY")).account("other"));

  private static final AdminClient admin = AdminClient.of(deepcleer);

  private static JsonNode setup(String state, String params) {
    AdminClient.Reply reply = admin.post(STATES,
        "{\"state\":\"" + state + "\"" + (params == null ? "" : ",\"params\":" + params) + ",\"action\":\"setup\"}");
    assertThat(reply.status()).as("setup of %s: %s", state, reply.body()).isEqualTo(200);
    return reply.json();
  }

  /** State, params, then a close (key, id) and what it answers: the code and a reason fragment (null: none). */
  static Stream<Arguments> everyState() {
    return Stream.of(
        Arguments.of("access key is authorized", "{\"accessKey\":\"new-key\"}", "new-key", "any-id", 1100,
            "unknown stream"),
        Arguments.of("access key is not authorized", "{\"accessKey\":\"YOUR_ACCESS_KEY\"}", "YOUR_ACCESS_KEY", "r1",
            9101, ""),
        Arguments.of("access key is not authorized", "{\"accessKey\":\"ghost\"}", "ghost", "r1", 9101, ""),
        Arguments.of("stream is active", "{\"accessKey\":\"k-active\",\"requestId\":\"r1\"}", "k-active", "r1", 1100,
            null),
        Arguments.of("stream is closed", "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"r2\"}",
            "YOUR_ACCESS_KEY", "r2", 1100, "already closed"),
        Arguments.of("QPS limit is exhausted", "{\"accessKey\":\"YOUR_ACCESS_KEY\"}", "YOUR_ACCESS_KEY", "r1", 1901,
            ""),
        Arguments.of("stream count limit is reached", "{\"accessKey\":\"YOUR_ACCESS_KEY\"}", "YOUR_ACCESS_KEY", "r1",
            1904, ""),
        Arguments.of("service is failing", "{\"accessKey\":\"YOUR_ACCESS_KEY\"}", "YOUR_ACCESS_KEY", "r1", 1903, ""),
        Arguments.of("service is failing", null, "other", "r1", 1903, ""));
  }

  @ParameterizedTest(name = "{0} {1} -> {4}")
  @MethodSource("everyState")
  void everyStateProducesTheCodeItPromises(String state, String params, String key, String id, int code,
      String reason) {
    setup(state, params);

    AdminClient.Reply answer = admin.close(key, id);

    assertThat(answer.json().path("code").asInt()).isEqualTo(code);
    if (reason == null) {
      assertThat(answer.headers().firstValue("X-Mock-Reason")).isEmpty();
    } else {
      assertThat(answer.headers().firstValue("X-Mock-Reason")).hasValueSatisfying(r -> assertThat(r).contains(reason));
    }
  }

  @Test
  void theVocabularyIsExactlyDesignsAndAnUnknownStateIs400ListingIt() {
    AdminClient.Reply reply = admin.sendBad("POST", STATES, "{\"state\":\"a stream is running\"}");

    assertThat(deepcleer.mock().providerStates().names()).containsExactlyElementsOf(DESIGN_STATES);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorField()).isEqualTo("state");
    assertThat(reply.error()).contains("a stream is running");
    assertThat(reply.items("knownStates")).extracting(JsonNode::asText).containsExactlyElementsOf(DESIGN_STATES);
  }

  @Test
  void setupAnswersTheValuesItUsed() {
    assertThat(setup("access key is authorized", "{\"accessKey\":\"k\"}").toString()).isEqualTo("{\"accessKey\":\"k\"}");
    assertThat(setup("stream is active", "{\"accessKey\":\"k\",\"requestId\":\"r1\"}").toString())
        .isEqualTo("{\"accessKey\":\"k\",\"requestId\":\"r1\",\"returnFinishInfo\":0}");
    assertThat(setup("stream is active", "{\"accessKey\":\"k\",\"requestId\":\"r2\",\"dupRequestId\":\"d2\","
        + "\"imgCallback\":\"http://127.0.0.1:9/img\",\"returnFinishInfo\":1}").toString())
        .isEqualTo("{\"accessKey\":\"k\",\"requestId\":\"r2\",\"dupRequestId\":\"d2\","
            + "\"imgCallback\":\"http://127.0.0.1:9/img\",\"returnFinishInfo\":1}");
    assertThat(setup("stream is closed", "{\"accessKey\":\"k\",\"requestId\":\"r3\"}").toString())
        .isEqualTo("{\"accessKey\":\"k\",\"requestId\":\"r3\"}");
    JsonNode failing = setup("service is failing", null);
    assertThat(failing.path("faultId").asText()).startsWith("fault-");
    assertThat(failing.has("accessKey")).isFalse();
  }

  @Test
  void notAuthorizedRegistersAMissingKeyWithoutTheFinishPermission() {
    setup("access key is not authorized", "{\"accessKey\":\"ghost\"}");

    JsonNode account = admin.get("/__admin/accounts/ghost").json();

    assertThat(account.path("permissions").size()).isZero();
  }

  @Test
  void streamIsActiveSetsUpExactlyTheGivenStreamAndItsCallback() throws Exception {
    try (CallbackReceiver receiver = CallbackReceiver.start()) {
      setup("stream is active", "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"1639824316368\","
          + "\"dupRequestId\":\"d05f4270374ca516ce7aafc0139afd25\",\"imgCallback\":\"" + receiver.url("/img")
          + "\",\"returnFinishInfo\":\"1\"}");

      JsonNode stream = admin.get("/__admin/streams/d05f4270374ca516ce7aafc0139afd25").json();
      assertThat(stream.path("requestId").asText()).isEqualTo("1639824316368");
      assertThat(stream.path("state").asText()).isEqualTo("ACTIVE");
      assertThat(stream.path("returnFinishInfo").asInt()).isEqualTo(1);
      assertThat(stream.path("data").toString()).isEqualTo("{}");
      AdminClient.Reply closed = admin.close("YOUR_ACCESS_KEY", "d05f4270374ca516ce7aafc0139afd25");
      deepcleer.mock().awaitCallbacksIdle(Duration.ofSeconds(10));

      assertThat(closed.json().path("code").asInt()).isEqualTo(1100);
      assertThat(closed.headers().firstValue("X-Mock-Reason")).as("a known stream, closed now").isEmpty();
      assertThat(receiver.received()).hasSize(1);
      assertThat(receiver.received().get(0).body().path("requestId").asText()).isEqualTo("1639824316368");
    }
  }

  @Test
  void streamIsActiveMakesAClosedStreamActiveAgain() {
    setup("stream is closed", "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"r1\"}");
    assertThat(admin.close("YOUR_ACCESS_KEY", "r1").headers().firstValue("X-Mock-Reason"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("already closed"));

    setup("stream is active", "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"r1\"}");

    assertThat(admin.get("/__admin/streams/r1").json().path("state").asText()).isEqualTo("ACTIVE");
    assertThat(admin.close("YOUR_ACCESS_KEY", "r1").headers().firstValue("X-Mock-Reason")).isEmpty();
  }

  @Test
  void anIdTakenByAnotherStreamIs409NamingTheParam() {
    admin.post("/__admin/streams", "{\"requestId\":\"r7\",\"accessKey\":\"other\",\"dupRequestIds\":[\"alias-7\"]}");

    AdminClient.Reply idTaken = admin.post(STATES,
        "{\"state\":\"stream is active\",\"params\":{\"accessKey\":\"other\",\"requestId\":\"alias-7\"}}");
    AdminClient.Reply aliasTaken = admin.post(STATES, "{\"state\":\"stream is active\",\"params\":"
        + "{\"accessKey\":\"other\",\"requestId\":\"r8\",\"dupRequestId\":\"r7\"}}");

    assertThat(idTaken.status()).isEqualTo(409);
    assertThat(idTaken.errorField()).isEqualTo("params.requestId");
    assertThat(idTaken.error()).contains("r7");
    assertThat(aliasTaken.status()).isEqualTo(409);
    assertThat(aliasTaken.errorField()).isEqualTo("params.dupRequestId");
  }

  @Test
  void badParamsAre400sNamingTheParam() {
    assertStateRefused("{\"state\":\"access key is authorized\"}", "params.accessKey");
    assertStateRefused("{\"state\":\"access key is authorized\",\"params\":{\"accessKey\":\"" + "k".repeat(21) + "\"}}",
        "params.accessKey");
    assertStateRefused("{\"state\":\"access key is authorized\",\"params\":{\"accessKey\":7}}", "params.accessKey");
    assertStateRefused("{\"state\":\"stream is active\",\"params\":{\"accessKey\":\"k\"}}", "params.requestId");
    assertStateRefused("{\"state\":\"stream is active\",\"params\":{\"accessKey\":\"k\",\"requestId\":\""
        + "r".repeat(33) + "\"}}", "params.requestId");
    assertStateRefused("{\"state\":\"stream is active\",\"params\":{\"accessKey\":\"k\",\"requestId\":\"r\","
        + "\"returnFinishInfo\":1}}", "params.imgCallback");
    assertStateRefused("{\"state\":\"stream is active\",\"params\":{\"accessKey\":\"k\",\"requestId\":\"r\","
        + "\"returnFinishInfo\":\"2\",\"imgCallback\":\"http://127.0.0.1:9/x\"}}", "params.returnFinishInfo");
    assertStateRefused("{\"state\":\"stream is active\",\"params\":{\"accessKey\":\"k\",\"requestId\":\"mock-1903\"}}",
        "params.requestId");
    assertStateRefused("{\"state\":\"stream is active\",\"params\":{\"accessKey\":\"k\",\"requestId\":\"r\","
        + "\"dupRequestId\":\"mock-x\"}}", "params.dupRequestId");
    assertStateRefused("{\"state\":\"stream is active\",\"params\":{\"accessKey\":\"k\",\"requestId\":\"r\","
        + "\"dupRequestId\":\"r\"}}", "params.dupRequestId");
    assertStateRefused("{\"state\":\"access key is authorized\",\"params\":{\"accessKey\":\"k\"},\"action\":\"undo\"}",
        "action");
    assertStateRefused("{\"params\":{\"accessKey\":\"k\"}}", "state");
    assertStateRefused("{\"state\":\"access key is authorized\",\"params\":[\"k\"]}", "params");
    assertThat(admin.get("/__admin/accounts").texts("accounts", "accessKey")).containsExactly("YOUR_ACCESS_KEY", "other");
    assertThat(admin.get("/__admin/streams").items("streams")).isEmpty();
  }

  @Test
  void aMissingActionMeansSetupAndMissingOrNullParamsMeanNone() {
    assertThat(admin.post(STATES, "{\"state\":\"service is failing\"}").status()).isEqualTo(200);
    assertThat(admin.post(STATES, "{\"state\":\"service is failing\",\"params\":null}").status()).isEqualTo(200);

    assertThat(admin.get("/__admin/faults").items("faults")).hasSize(2);
    assertThat(admin.closeCode("other", "x")).isEqualTo(1903);
  }

  @Test
  void unknownFieldsAndParamsAreIgnored() {
    AdminClient.Reply reply = admin.post(STATES, "{\"state\":\"access key is authorized\",\"params\":"
        + "{\"accessKey\":\"k\",\"consumerNote\":\"set by the consumer test\"},\"action\":\"setup\",\"id\":3}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().toString()).isEqualTo("{\"accessKey\":\"k\"}");
  }

  @Test
  void theQueryFormSetsUpWithStringParams() {
    AdminClient.Reply reply = admin.post(STATES
        + "?state=stream%20is%20active&action=setup&accessKey=YOUR_ACCESS_KEY&requestId=r1&returnFinishInfo=0", null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().toString())
        .isEqualTo("{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"r1\",\"returnFinishInfo\":0}");
    assertThat(admin.get("/__admin/streams/r1").json().path("state").asText()).isEqualTo("ACTIVE");
    assertThat(admin.post(STATES + "?state=QPS%20limit%20is%20exhausted&accessKey=YOUR_ACCESS_KEY", null).status())
        .isEqualTo(200);
    assertThat(admin.closeCode("YOUR_ACCESS_KEY", "r1")).isEqualTo(1901);
    assertThat(admin.post(STATES + "?state=QPS%20limit%20is%20exhausted&action=teardown", null).json().toString())
        .isEqualTo("{}");
    assertThat(admin.closeCode("YOUR_ACCESS_KEY", "r1")).as("teardown restored the baseline").isEqualTo(1100);
  }

  @Test
  void aNonEmptyBodyWinsOverTheQuery() {
    admin.post(STATES + "?state=service%20is%20failing", "{\"state\":\"stream count limit is reached\","
        + "\"params\":{\"accessKey\":\"other\"}}");

    assertThat(admin.get("/__admin/faults").items("faults")).isEmpty();
    assertThat(admin.closeCode("other", "x")).isEqualTo(1904);
  }

  @Test
  void teardownRestoresTheBaselineAnswersEmptyAndIsSafeToRepeat() {
    setup("stream is active", "{\"accessKey\":\"new-key\",\"requestId\":\"r1\"}");
    setup("QPS limit is exhausted", "{\"accessKey\":\"YOUR_ACCESS_KEY\"}");
    setup("stream count limit is reached", "{\"accessKey\":\"other\"}");
    setup("service is failing", "{\"accessKey\":\"new-key\"}");
    admin.closeCode("YOUR_ACCESS_KEY", "r1");

    AdminClient.Reply first = admin.post(STATES, "{\"state\":\"stream is active\",\"params\":"
        + "{\"accessKey\":\"new-key\",\"requestId\":\"r1\"},\"action\":\"teardown\"}");
    AdminClient.Reply second = admin.post(STATES, "{\"state\":\"service is failing\",\"action\":\"teardown\"}");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().toString()).isEqualTo("{}");
    assertThat(second.json().toString()).isEqualTo("{}");
    assertThat(admin.get("/__admin/accounts").texts("accounts", "accessKey")).containsExactly("YOUR_ACCESS_KEY", "other");
    assertThat(admin.get("/__admin/accounts").items("accounts"))
        .allSatisfy(a -> {
          assertThat(a.path("qpsFrozen").asBoolean()).isFalse();
          assertThat(a.path("streamLimitReached").asBoolean()).isFalse();
        });
    assertThat(admin.get("/__admin/streams").items("streams")).isEmpty();
    assertThat(admin.get("/__admin/faults").items("faults")).isEmpty();
    assertThat(admin.get("/__admin/requests").items("requests")).isEmpty();
    assertThat(admin.closeCode("YOUR_ACCESS_KEY", "r1")).isEqualTo(1100);
    assertThat(admin.closeCode("other", "r1")).isEqualTo(1100);
  }

  @Test
  void anExhaustedBucketStaysEmptyHoweverFarTheClockMoves() {
    setup("QPS limit is exhausted", "{\"accessKey\":\"YOUR_ACCESS_KEY\"}");

    assertThat(admin.closeCode("YOUR_ACCESS_KEY", "r1")).isEqualTo(1901);
    deepcleer.mock().clock().advance(Duration.ofMinutes(10));

    assertThat(admin.closeCode("YOUR_ACCESS_KEY", "r1")).isEqualTo(1901);
    assertThat(admin.get("/__admin/accounts/YOUR_ACCESS_KEY").json().path("qpsFrozen").asBoolean()).isTrue();
    assertThat(admin.closeCode("other", "r1")).as("only the named key is frozen").isEqualTo(1100);
  }

  @Test
  void statesCommuteAuthorizingNeverRefillsABucketOrClearsAFlag() {
    setup("QPS limit is exhausted", "{\"accessKey\":\"YOUR_ACCESS_KEY\"}");
    setup("stream count limit is reached", "{\"accessKey\":\"other\"}");

    setup("access key is authorized", "{\"accessKey\":\"YOUR_ACCESS_KEY\"}");
    setup("access key is authorized", "{\"accessKey\":\"other\"}");
    setup("stream is active", "{\"accessKey\":\"other\",\"requestId\":\"r1\"}");

    assertThat(admin.closeCode("YOUR_ACCESS_KEY", "r1")).isEqualTo(1901);
    assertThat(admin.closeCode("other", "r1")).isEqualTo(1904);
  }

  @Test
  void statesCombineInEitherOrder() {
    setup("access key is not authorized", "{\"accessKey\":\"other\"}");
    setup("QPS limit is exhausted", "{\"accessKey\":\"other\"}");
    assertThat(admin.closeCode("other", "r1")).as("authorize comes before the rate").isEqualTo(9101);
    deepcleer.mock().reset();

    setup("QPS limit is exhausted", "{\"accessKey\":\"other\"}");
    setup("access key is not authorized", "{\"accessKey\":\"other\"}");
    assertThat(admin.closeCode("other", "r1")).isEqualTo(9101);
    setup("access key is authorized", "{\"accessKey\":\"other\"}");
    assertThat(admin.closeCode("other", "r1")).isEqualTo(1901);
  }

  private static void assertStateRefused(String body, String field) {
    AdminClient.Reply reply = admin.sendBad("POST", STATES, body);
    assertThat(reply.status()).as("status for %s: %s", body, reply.body()).isEqualTo(400);
    assertThat(reply.errorField()).as("field named for %s (%s)", body, reply.error()).isEqualTo(field);
  }
}
