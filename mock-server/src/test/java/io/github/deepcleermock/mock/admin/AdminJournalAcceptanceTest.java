package io.github.deepcleermock.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.time.MockClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /__admin/requests}: the request journal, its filters and clearing, over real HTTP. */
class AdminJournalAcceptanceTest {

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
      .configure(builder -> builder
          .clock(new MockClock())
          .account(Account.of("key-1"))
          .account(Account.of("key-2"))
          .stream(StreamSpec.builder().accessKey("key-1").requestId("r1").build()));

  private static final AdminClient admin = AdminClient.of(deepcleer);

  @Test
  void anEntryRecordsTheRequestAndHowItWasAnswered() {
    deepcleer.mock().clock().advance(Duration.ofMillis(5));
    String body = "{\"accessKey\":\"key-1\",\"requestId\":\"r1\"}";
    String responseId = admin.raw("POST", "/finish_videostream/v4", body, null).json().path("requestId").asText();

    List<JsonNode> entries = admin.get("/__admin/requests").items("requests");

    assertThat(entries).hasSize(1);
    JsonNode entry = entries.get(0);
    assertThat(entry.path("seq").asLong()).isPositive();
    assertThat(entry.path("time").asText()).isEqualTo("2026-01-01T00:00:00.005Z");
    assertThat(entry.path("method").asText()).isEqualTo("POST");
    assertThat(entry.path("path").asText()).isEqualTo("/finish_videostream/v4");
    assertThat(entry.path("accessKey").asText()).isEqualTo("key-1");
    assertThat(entry.path("requestId").asText()).isEqualTo("r1");
    assertThat(entry.path("code").asInt()).isEqualTo(1100);
    assertThat(entry.path("reason").isNull()).isTrue();
    assertThat(entry.path("unknownStream").asBoolean()).isFalse();
    assertThat(entry.path("faultId").isNull()).isTrue();
    assertThat(entry.path("responseRequestId").asText()).isEqualTo(responseId).matches("[0-9a-f]{32}");
    assertThat(entry.path("latencyMs").asDouble()).isNotNegative();
    assertThat(entry.path("body").asText()).isEqualTo(body);
    assertThat(entry.path("bodyTruncated").asBoolean()).isFalse();
  }

  @Test
  void unknownStreamsFaultsStrayPathsAndWrongMethodsAreJournaledButAdminCallsAreNot() {
    String faultId = admin.post("/__admin/faults", "{\"match\":{\"requestId\":\"f\"},\"code\":1903}").json()
        .path("id").asText();
    admin.close("key-1", "nobody-knows");
    admin.close("key-1", "f");
    admin.raw("POST", "/finish_videostream/v4/", "{}", null);
    admin.raw("GET", "/finish_videostream/v4", null, null);
    admin.get("/__admin/health");
    admin.get("/__admin/accounts");

    List<JsonNode> entries = admin.get("/__admin/requests").items("requests");

    assertThat(entries).extracting(e -> e.path("method").asText() + " " + e.path("path").asText())
        .containsExactly("GET /finish_videostream/v4", "POST /finish_videostream/v4/", "POST /finish_videostream/v4",
            "POST /finish_videostream/v4");
    // Vendor-looking paths answer in the vendor's format (1902), so the entry has a code and an answer id.
    assertThat(entries.get(0).path("code").asInt()).isEqualTo(1902);
    assertThat(entries.get(0).path("responseRequestId").asText()).matches("[0-9a-f]{32}");
    assertThat(entries.get(0).path("reason").asText()).contains("method");
    assertThat(entries.get(1).path("reason").asText()).contains("no such endpoint");
    assertThat(entries.get(1).path("body").asText()).isEqualTo("{}");
    assertThat(entries.get(2).path("faultId").asText()).isEqualTo(faultId);
    assertThat(entries.get(2).path("code").asInt()).isEqualTo(1903);
    assertThat(entries.get(3).path("unknownStream").asBoolean()).isTrue();
    assertThat(entries.get(3).path("reason").asText()).contains("unknown stream");
  }

  @Test
  void filtersByAccessKeyRequestIdAndCodeCombineAndLimitKeepsTheNewest() {
    admin.close("key-1", "a");
    admin.close("key-2", "a");
    admin.close("key-1", "b");
    admin.close("nobody", "a");
    admin.close("key-1", "a");

    assertThat(requestIds("/__admin/requests?accessKey=key-1")).containsExactly("a", "b", "a");
    assertThat(accessKeys("/__admin/requests?requestId=a")).containsExactly("key-1", "nobody", "key-2", "key-1");
    assertThat(accessKeys("/__admin/requests?code=9101")).containsExactly("nobody");
    assertThat(accessKeys("/__admin/requests?code=1100&requestId=a")).containsExactly("key-1", "key-2", "key-1");
    assertThat(accessKeys("/__admin/requests?accessKey=key-2&code=1100")).containsExactly("key-2");
    assertThat(accessKeys("/__admin/requests?code=1901")).isEmpty();
    AdminClient.Reply limited = admin.get("/__admin/requests?limit=2");
    assertThat(limited.texts("requests", "accessKey")).containsExactly("key-1", "nobody");
    assertThat(admin.get("/__admin/requests?requestId=a&limit=1").texts("requests", "accessKey"))
        .containsExactly("key-1");
    List<Long> seqs = admin.get("/__admin/requests").items("requests").stream().map(e -> e.path("seq").asLong()).toList();
    assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();
  }

  @Test
  void badFiltersAre400sNamingTheParameter() {
    assertThat(admin.sendBad("GET", "/__admin/requests?limit=0", null).errorField()).isEqualTo("limit");
    assertThat(admin.sendBad("GET", "/__admin/requests?limit=many", null).errorField()).isEqualTo("limit");
    assertThat(admin.sendBad("GET", "/__admin/requests?code=OK", null).errorField()).isEqualTo("code");
  }

  @Test
  void clearingEmptiesTheJournalAndSeqKeepsRisingAcrossClearsAndResets() {
    admin.close("key-1", "a");
    long first = admin.get("/__admin/requests").items("requests").get(0).path("seq").asLong();

    assertThat(admin.delete("/__admin/requests").status()).isEqualTo(204);
    assertThat(admin.get("/__admin/requests").items("requests")).isEmpty();
    admin.close("key-1", "b");
    long afterClear = admin.get("/__admin/requests").items("requests").get(0).path("seq").asLong();
    admin.post("/__admin/reset", null);
    assertThat(admin.get("/__admin/requests").items("requests")).isEmpty();
    admin.close("key-1", "c");
    List<JsonNode> afterReset = admin.get("/__admin/requests").items("requests");

    assertThat(afterClear).isEqualTo(first + 1);
    assertThat(afterReset).hasSize(1);
    assertThat(afterReset.get(0).path("seq").asLong()).isEqualTo(first + 2);
  }

  private static List<String> requestIds(String query) {
    return admin.get(query).texts("requests", "requestId");
  }

  private static List<String> accessKeys(String query) {
    return admin.get(query).texts("requests", "accessKey");
  }
}
