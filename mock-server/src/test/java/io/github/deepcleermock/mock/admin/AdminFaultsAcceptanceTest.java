package io.github.deepcleermock.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import io.github.deepcleermock.mock.streams.StreamSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /__admin/faults}: add, list (with the seed), delete, over real HTTP. */
class AdminFaultsAcceptanceTest {

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
      .configure(builder -> builder
          .seed(7)
          .account(Account.of("key-1"))
          .account(Account.of("key-2"))
          .stream(StreamSpec.builder().accessKey("key-1").requestId("r1").build()));

  private static final AdminClient admin = AdminClient.of(deepcleer);

  @Test
  void addingARuleAnswers201WithTheStoredRuleAndItsCounters() {
    AdminClient.Reply reply = admin.post("/__admin/faults", "{\"match\":{\"requestId\":\"r1\"},\"code\":1903,\"times\":1}");

    assertThat(reply.status()).isEqualTo(201);
    JsonNode rule = reply.json();
    assertThat(rule.path("id").asText()).matches("fault-\\d+");
    assertThat(rule.toString()).endsWith(
        "\"match\":{\"accessKey\":null,\"requestId\":\"r1\"},\"code\":1903,\"message\":null,\"delayMs\":0,"
            + "\"times\":1,\"probability\":1.0,\"fault\":null,\"fired\":0,\"remaining\":1}");
  }

  @Test
  void theListShowsTheSeedAndTheRulesInCreationOrderExhaustedOnesIncluded() {
    String once = admin.post("/__admin/faults", "{\"match\":{\"requestId\":\"r1\"},\"code\":1903,\"times\":1}")
        .json().path("id").asText();
    String flaky = admin.post("/__admin/faults", "{\"match\":{\"accessKey\":\"key-2\"},\"code\":1901,\"probability\":0}")
        .json().path("id").asText();
    String reset = admin.post("/__admin/faults", "{\"fault\":\"CONNECTION_RESET\",\"match\":{\"requestId\":\"x\"}}")
        .json().path("id").asText();

    assertThat(admin.closeCode("key-1", "r1")).isEqualTo(1903);
    assertThat(admin.closeCode("key-1", "r1")).isEqualTo(1100);
    assertThat(admin.closeCode("key-2", "r2")).isEqualTo(1100);

    AdminClient.Reply list = admin.get("/__admin/faults");
    assertThat(list.json().path("seed").asLong()).isEqualTo(7);
    assertThat(list.texts("faults", "id")).containsExactly(once, flaky, reset);
    JsonNode exhausted = list.items("faults").get(0);
    assertThat(exhausted.path("fired").asInt()).isEqualTo(1);
    assertThat(exhausted.path("remaining").asInt()).isZero();
    JsonNode missed = list.items("faults").get(1);
    assertThat(missed.path("fired").asInt()).as("a probability miss does not count").isZero();
    assertThat(missed.path("remaining").isNull()).isTrue();
    assertThat(list.items("faults").get(2).path("fault").asText()).isEqualTo("CONNECTION_RESET");
  }

  @Test
  void aForcedCodeAnswersWithTheCatalogueMessageOrTheGivenOne() {
    admin.post("/__admin/faults", "{\"match\":{\"requestId\":\"a\"},\"code\":1904}");
    admin.post("/__admin/faults", "{\"match\":{\"requestId\":\"b\"},\"code\":9100,\"message\":\"Insufficient balance\"}");
    admin.post("/__admin/faults", "{\"match\":{\"requestId\":\"c\"},\"code\":1234}");

    assertThat(admin.close("key-1", "a").json().path("message").asText()).isEqualTo("Stream count limit exceeded");
    JsonNode legacy = admin.close("key-1", "b").json();
    assertThat(legacy.path("code").asInt()).isEqualTo(9100);
    assertThat(legacy.path("message").asText()).isEqualTo("Insufficient balance");
    assertThat(admin.close("key-1", "c").json().path("message").asText()).isEqualTo("Unknown error");
  }

  @Test
  void aForcedCodeLeavesTheStreamActive() {
    admin.post("/__admin/faults", "{\"match\":{\"accessKey\":\"key-1\"},\"code\":1903,\"times\":1}");

    assertThat(admin.closeCode("key-1", "r1")).isEqualTo(1903);

    assertThat(admin.get("/__admin/streams/r1").json().path("state").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void deletingOneRuleKeepsTheOthersInOrderAndAnUnknownIdIs404() {
    String first = admin.post("/__admin/faults", "{\"code\":1903,\"match\":{\"requestId\":\"a\"}}").json().path("id").asText();
    String second = admin.post("/__admin/faults", "{\"code\":1903,\"match\":{\"requestId\":\"b\"}}").json().path("id").asText();
    String third = admin.post("/__admin/faults", "{\"code\":1903,\"match\":{\"requestId\":\"c\"}}").json().path("id").asText();

    assertThat(admin.delete("/__admin/faults/" + second).status()).isEqualTo(204);

    assertThat(admin.get("/__admin/faults").texts("faults", "id")).containsExactly(first, third);
    assertThat(admin.closeCode("key-1", "b")).isEqualTo(1100);
    AdminClient.Reply again = admin.delete("/__admin/faults/" + second);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.errorField()).isEqualTo("id");
  }

  @Test
  void deletingAllRulesEmptiesTheListButIdsKeepRisingAlsoAcrossResets() {
    int before = number(admin.post("/__admin/faults", "{\"code\":1903}").json().path("id").asText());

    assertThat(admin.delete("/__admin/faults").status()).isEqualTo(204);
    assertThat(admin.get("/__admin/faults").items("faults")).isEmpty();
    assertThat(admin.closeCode("key-1", "r1")).isEqualTo(1100);
    int afterClear = number(admin.post("/__admin/faults", "{\"code\":1903}").json().path("id").asText());
    admin.post("/__admin/reset", null);
    int afterReset = number(admin.post("/__admin/faults", "{\"code\":1903}").json().path("id").asText());

    assertThat(afterClear).isEqualTo(before + 1);
    assertThat(afterReset).isEqualTo(before + 2);
  }

  @Test
  void badRulesAre400sNamingTheField() {
    assertRuleRefused("{}", "body");
    assertRuleRefused(null, "body");
    assertRuleRefused("{\"match\":{\"requestId\":\"r1\"}}", "body");
    assertRuleRefused("{\"delayMs\":60001}", "delayMs");
    assertRuleRefused("{\"delayMs\":-1}", "delayMs");
    assertRuleRefused("{\"code\":1903,\"times\":0}", "times");
    assertRuleRefused("{\"code\":1903,\"probability\":1.5}", "probability");
    assertRuleRefused("{\"code\":1903,\"probability\":\"often\"}", "probability");
    assertRuleRefused("{\"code\":\"1903\"}", "code");
    assertRuleRefused("{\"message\":\"no code\",\"delayMs\":5}", "message");
    assertRuleRefused("{\"fault\":\"TIMEOUT\"}", "fault");
    assertRuleRefused("{\"fault\":\"HTTP_502\",\"code\":1903}", "fault");
    assertRuleRefused("{\"code\":1903,\"match\":{\"requestID\":\"r1\"}}", "match.requestID");
    assertRuleRefused("{\"code\":1903,\"match\":{\"accessKey\":1}}", "match.accessKey");
    assertRuleRefused("{\"code\":1903,\"match\":\"r1\"}", "match");
    assertRuleRefused("{\"code\":1903,\"typo\":true}", "typo");
    assertThat(admin.get("/__admin/faults").items("faults")).isEmpty();
  }

  private static void assertRuleRefused(String body, String field) {
    AdminClient.Reply reply = admin.sendBad("POST", "/__admin/faults", body);
    assertThat(reply.status()).as("status for %s", body).isEqualTo(400);
    assertThat(reply.errorField()).as("field named for %s (%s)", body, reply.error()).isEqualTo(field);
  }

  private static int number(String id) {
    return Integer.parseInt(id.substring("fault-".length()));
  }
}
