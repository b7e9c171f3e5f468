package io.github.deepcleermock.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /__admin/health}, {@code /__admin/reset} and {@code /__admin/accounts} over real HTTP. */
class AdminAccountsAcceptanceTest {

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
      .configure(builder -> builder
          .account(Account.of("key-b"))
          .account(new Account("key-a", 7, 3, Set.of("finish"), false)));

  private static final AdminClient admin = AdminClient.of(deepcleer);

  @Test
  void healthAnswersUp() {
    AdminClient.Reply reply = admin.get("/__admin/health");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("status").asText()).isEqualTo("UP");
  }

  @Test
  void resetAnswersBaselineRestoredAndBringsBackADeletedConfiguredAccount() {
    assertThat(admin.delete("/__admin/accounts/key-a").status()).isEqualTo(204);

    AdminClient.Reply reply = admin.post("/__admin/reset", null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("status").asText()).isEqualTo("baseline restored");
    assertThat(admin.get("/__admin/accounts/key-a").json().path("qps").asInt()).isEqualTo(7);
  }

  @Test
  void listingShowsTheConfiguredAccountsSortedByAccessKey() {
    admin.put("/__admin/accounts/AAA", "{}");
    admin.put("/__admin/accounts/key-0", "{}");

    AdminClient.Reply reply = admin.get("/__admin/accounts");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.texts("accounts", "accessKey")).containsExactly("AAA", "key-0", "key-a", "key-b");
    assertThat(reply.items("accounts").get(2).toString())
        .isEqualTo("{\"accessKey\":\"key-a\",\"qps\":7,\"maxStreams\":3,\"permissions\":[\"finish\"],"
            + "\"streamLimitReached\":false,\"qpsFrozen\":false}");
  }

  @Test
  void putCreatesAnAccountWithEveryDefaultFromAnEmptyBody() {
    AdminClient.Reply reply = admin.put("/__admin/accounts/new-key", null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().toString())
        .isEqualTo("{\"accessKey\":\"new-key\",\"qps\":50,\"maxStreams\":100,\"permissions\":[\"finish\",\"submit\"],"
            + "\"streamLimitReached\":false,\"qpsFrozen\":false}");
    assertThat(admin.closeCode("new-key", "any-stream")).isEqualTo(1100);
  }

  @Test
  void putReplacesTheWholeAccountSoOmittedFieldsTakeTheirDefaultsNotTheirPreviousValues() {
    admin.put("/__admin/accounts/key-a", "{\"qps\":2,\"streamLimitReached\":true,\"permissions\":[]}");

    AdminClient.Reply reply = admin.put("/__admin/accounts/key-a", "{\"maxStreams\":1}");

    assertThat(reply.json().path("qps").asInt()).isEqualTo(50);
    assertThat(reply.json().path("maxStreams").asInt()).isEqualTo(1);
    assertThat(reply.json().path("streamLimitReached").asBoolean()).isFalse();
    assertThat(reply.json().path("permissions").toString()).isEqualTo("[\"finish\",\"submit\"]");
    assertThat(admin.get("/__admin/accounts/key-a").json()).isEqualTo(reply.json());
  }

  @Test
  void accountSettingsDriveTheCloseEndpoint() {
    admin.put("/__admin/accounts/no-finish", "{\"permissions\":[\"submit\"]}");
    admin.put("/__admin/accounts/limited", "{\"streamLimitReached\":true}");
    admin.put("/__admin/accounts/slow", "{\"qps\":1}");

    assertThat(admin.closeCode("no-finish", "s")).isEqualTo(9101);
    assertThat(admin.closeCode("limited", "s")).isEqualTo(1904);
    assertThat(admin.closeCode("slow", "s")).isEqualTo(1100);
    assertThat(admin.closeCode("slow", "s")).isEqualTo(1901);
  }

  @Test
  void putGivesAFullBucketAndUnfreezesIt() {
    admin.post("/__admin/provider-states", "{\"state\":\"QPS limit is exhausted\",\"params\":{\"accessKey\":\"key-a\"}}");
    assertThat(admin.get("/__admin/accounts/key-a").json().path("qpsFrozen").asBoolean()).isTrue();
    assertThat(admin.closeCode("key-a", "s")).isEqualTo(1901);

    AdminClient.Reply reply = admin.put("/__admin/accounts/key-a", "{\"qps\":7}");

    assertThat(reply.json().path("qpsFrozen").asBoolean()).isFalse();
    assertThat(admin.closeCode("key-a", "s")).isEqualTo(1100);
  }

  @Test
  void getAnswersOneAccountOr404NamingTheKey() {
    assertThat(admin.get("/__admin/accounts/key-b").json().path("accessKey").asText()).isEqualTo("key-b");

    AdminClient.Reply missing = admin.get("/__admin/accounts/nobody");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorField()).isEqualTo("accessKey");
    assertThat(missing.error()).contains("nobody");
  }

  @Test
  void deleteUnregistersTheKeyWithItsStreamsAndAnswers404TheSecondTime() {
    admin.post("/__admin/streams", "{\"requestId\":\"r-b\",\"accessKey\":\"key-b\"}");

    assertThat(admin.delete("/__admin/accounts/key-b").status()).isEqualTo(204);

    assertThat(admin.get("/__admin/accounts/key-b").status()).isEqualTo(404);
    assertThat(admin.get("/__admin/streams/r-b").status()).isEqualTo(404);
    assertThat(admin.closeCode("key-b", "r-b")).isEqualTo(9101);
    AdminClient.Reply again = admin.delete("/__admin/accounts/key-b");
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.errorField()).isEqualTo("accessKey");
  }

  @Test
  void badAccountBodiesAre400sNamingTheField() {
    assertThat(admin.sendBad("PUT", "/__admin/accounts/k", "{\"qps\":0}").errorField()).isEqualTo("qps");
    assertThat(admin.sendBad("PUT", "/__admin/accounts/k", "{\"qps\":\"fast\"}").errorField()).isEqualTo("qps");
    assertThat(admin.sendBad("PUT", "/__admin/accounts/k", "{\"maxStreams\":-1}").errorField())
        .isEqualTo("maxStreams");
    assertThat(admin.sendBad("PUT", "/__admin/accounts/k", "{\"maxStream\":1}").errorField())
        .isEqualTo("maxStream");
    assertThat(admin.sendBad("PUT", "/__admin/accounts/k", "{\"permissions\":\"finish\"}").errorField())
        .isEqualTo("permissions");
    assertThat(admin.sendBad("PUT", "/__admin/accounts/k", "{\"permissions\":[\"finish\",\"finish\"]}").errorField())
        .isEqualTo("permissions");
    assertThat(admin.sendBad("PUT", "/__admin/accounts/k", "{\"permissions\":[\"\"]}").errorField())
        .isEqualTo("permissions");
    assertThat(admin.sendBad("PUT", "/__admin/accounts/k", "{\"streamLimitReached\":\"yes\"}").errorField())
        .isEqualTo("streamLimitReached");
    assertThat(admin.sendBad("PUT", "/__admin/accounts/k", "{\"qps\":null}").errorField()).isEqualTo("qps");
    assertThat(admin.sendBad("PUT", "/__admin/accounts/k", "{\"accessKey\":\"k\"}").errorField())
        .isEqualTo("accessKey");
    assertThat(admin.sendBad("PUT", "/__admin/accounts/k", "[1]").errorField()).isEqualTo("body");
    assertThat(admin.sendBad("PUT", "/__admin/accounts/k", "{not json").errorField()).isEqualTo("body");
    assertThat(admin.sendBad("PUT", "/__admin/accounts/" + "k".repeat(21), "{}").errorField())
        .isEqualTo("accessKey");
    assertThat(admin.get("/__admin/accounts").texts("accounts", "accessKey")).containsExactly("key-a", "key-b");
  }

  @Test
  void anUnknownAdminPathIs404AndAWrongMethodIs405BothAsJsonErrors() {
    AdminClient.Reply unknown = admin.raw("GET", "/__admin/nothing-here", null, null);
    AdminClient.Reply wrongMethod = admin.raw("PATCH", "/__admin/accounts/key-a", "{}", null);

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorField()).isEqualTo("path");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.errorField()).isEqualTo("method");
    assertThat(admin.get("/__admin/requests").items("requests")).as("admin calls are never journaled").isEmpty();
  }

  @Test
  void anAccessKeyOfTwentyEmojiIsTwentyCharactersAndFits() {
    String key = "😀".repeat(20);
    String path = "/__admin/accounts/" + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8);

    AdminClient.Reply reply = admin.put(path, "{}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("accessKey").asText()).isEqualTo(key);
    assertThat(admin.closeCode(key, "s")).isEqualTo(1100);
  }
}
