package io.github.deepcleermock.mock.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the journal and the callback log promise, whichever store keeps them: each store's test class extends this
 * and says how to build a mock on it ({@link #builder()}); every test runs against each store.
 */
public abstract class JournalContract {

  private static final Duration IDLE = Duration.ofSeconds(10);

  private DeepCleerMock mock;
  private CallbackReceiver receiver;

  /** A builder of a mock on the store under test (nothing else configured). */
  protected abstract DeepCleerMock.Builder builder();

  private AdminClient start(int journalSize) {
    mock = builder().account(Account.of("key-1")).account(Account.of("key-2")).journalSize(journalSize).start();
    // A shared store may hold what an earlier test left: begin from the baseline.
    mock.reset();
    return AdminClient.of(mock);
  }

  @AfterEach
  void stop() {
    if (mock != null) {
      mock.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  private static List<JsonNode> requests(AdminClient admin, String query) {
    return admin.get("/__admin/requests" + query).items("requests");
  }

  @Test
  void theJournalListsEveryAnsweredRequestNewestFirstWithRisingNumbersAndItsFields() {
    AdminClient admin = start(100);
    String body = "{\"accessKey\":\"key-1\",\"requestId\":\"r1\"}";
    String answerId = admin.raw("POST", "/finish_videostream/v4", body, null).json().path("requestId").asText();
    admin.close("key-2", "r2");
    admin.raw("POST", "/no/such/path", "{}", null);

    List<JsonNode> entries = requests(admin, "");

    assertThat(entries).extracting(e -> e.path("path").asText())
        .containsExactly("/no/such/path", "/finish_videostream/v4", "/finish_videostream/v4");
    assertThat(entries).extracting(e -> e.path("seq").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a))
        .doesNotHaveDuplicates();
    JsonNode first = entries.get(2);
    assertThat(first.path("method").asText()).isEqualTo("POST");
    assertThat(first.path("accessKey").asText()).isEqualTo("key-1");
    assertThat(first.path("requestId").asText()).isEqualTo("r1");
    assertThat(first.path("code").asInt()).isEqualTo(1100);
    assertThat(first.path("unknownStream").asBoolean()).isTrue();
    assertThat(first.path("reason").asText()).contains("unknown stream");
    assertThat(first.path("responseRequestId").asText()).isEqualTo(answerId);
    assertThat(first.path("body").asText()).isEqualTo(body);
    assertThat(first.path("bodyTruncated").asBoolean()).isFalse();
    assertThat(first.path("latencyMs").asDouble()).isNotNegative();
    assertThat(admin.get("/__admin/requests").json().path("dropped").asLong()).isZero();
  }

  @Test
  void filtersMatchExactlyAndCombineAndTheLimitKeepsTheNewest() {
    AdminClient admin = start(100);
    admin.post("/__admin/faults", "{\"match\":{\"requestId\":\"bad\"},\"code\":1903}");
    admin.close("key-1", "a");
    admin.close("key-2", "a");
    admin.close("key-1", "bad");
    admin.close("key-1", "b");

    assertThat(requests(admin, "?accessKey=key-1")).extracting(e -> e.path("requestId").asText())
        .containsExactly("b", "bad", "a");
    assertThat(requests(admin, "?requestId=a")).extracting(e -> e.path("accessKey").asText())
        .containsExactly("key-2", "key-1");
    assertThat(requests(admin, "?code=1903")).extracting(e -> e.path("requestId").asText()).containsExactly("bad");
    assertThat(requests(admin, "?accessKey=key-1&code=1100")).extracting(e -> e.path("requestId").asText())
        .containsExactly("b", "a");
    assertThat(requests(admin, "?path=/videostream/v4")).isEmpty();
    assertThat(requests(admin, "?limit=2")).extracting(e -> e.path("requestId").asText())
        .containsExactly("b", "bad");
    assertThat(requests(admin, "?accessKey=key-1&limit=1")).extracting(e -> e.path("requestId").asText())
        .containsExactly("b");
  }

  @Test
  void theJournalKeepsOnlyTheNewestJournalSizeEntries() {
    AdminClient admin = start(5);
    for (int i = 1; i <= 8; i++) {
      admin.close("key-1", "r" + i);
    }

    assertThat(requests(admin, "")).extracting(e -> e.path("requestId").asText())
        .containsExactly("r8", "r7", "r6", "r5", "r4");
    assertThat(mock.journal().capacity()).isEqualTo(5);
  }

  @Test
  void clearingEmptiesTheJournalAndNumbersKeepRising() {
    AdminClient admin = start(100);
    admin.close("key-1", "before");
    long before = requests(admin, "").get(0).path("seq").asLong();

    assertThat(admin.delete("/__admin/requests").status()).isEqualTo(204);
    assertThat(requests(admin, "")).isEmpty();

    admin.close("key-1", "after");
    List<JsonNode> after = requests(admin, "");
    assertThat(after).extracting(e -> e.path("requestId").asText()).containsExactly("after");
    assertThat(after.get(0).path("seq").asLong()).isGreaterThan(before);
  }

  @Test
  void oversizedFieldsAndBodiesAreKeptOnlyUpToTheirCapsAndSaySo() {
    AdminClient admin = start(100);
    String longKey = "k".repeat(200);
    String longId = "é".repeat(100); // 200 UTF-8 bytes: cut at a character boundary, 64 characters = 128 bytes
    String padding = "x".repeat(Journal.MAX_BODY_BYTES);
    admin.raw("POST", "/finish_videostream/v4",
        "{\"accessKey\":\"" + longKey + "\",\"requestId\":\"" + longId + "\",\"pad\":\"" + padding + "\"}", null);

    JsonNode entry = requests(admin, "").get(0);

    assertThat(entry.path("accessKey").asText()).isEqualTo("k".repeat(Journal.MAX_FIELD_BYTES));
    assertThat(entry.path("requestId").asText()).isEqualTo("é".repeat(Journal.MAX_FIELD_BYTES / 2));
    assertThat(entry.path("truncatedFields")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("accessKey", "requestId");
    assertThat(entry.path("bodyTruncated").asBoolean()).isTrue();
    assertThat(entry.path("body").asText().getBytes(StandardCharsets.UTF_8)).hasSize(Journal.MAX_BODY_BYTES);
    assertThat(entry.path("body").asText()).startsWith("{\"accessKey\":\"" + longKey);
  }

  @Test
  void theCallbackLogListsEachAttemptWithItsPayloadAndOutcomeAndResetEmptiesItWithTheJournal() {
    AdminClient admin = start(100);
    receiver = CallbackReceiver.start();
    String stream = "{\"requestId\":\"s1\",\"accessKey\":\"key-1\",\"imgCallback\":\"" + receiver.url("/img")
        + "\",\"returnFinishInfo\":1,\"data\":{\"streamType\":\"NORMAL\",\"url\":\"rtmp://live.test/live/1\","
        + "\"tokenId\":\"u1\"}}";
    assertThat(admin.post("/__admin/streams", stream).status()).isEqualTo(201);
    assertThat(admin.closeCode("key-1", "s1")).isEqualTo(1100);

    mock.callbacks().awaitCallback("s1", 1, IDLE);
    mock.awaitCallbacksIdle(IDLE);

    JsonNode log = admin.get("/__admin/callbacks").json();
    List<JsonNode> attempts = admin.get("/__admin/callbacks").items("callbacks");
    assertThat(attempts).hasSize(1);
    JsonNode attempt = attempts.get(0);
    assertThat(attempt.path("streamRequestId").asText()).isEqualTo("s1");
    assertThat(attempt.path("kind").asText()).isEqualTo("STREAM_END");
    assertThat(attempt.path("outcome").asText()).isEqualTo("DELIVERED");
    assertThat(attempt.path("httpStatus").asInt()).isEqualTo(200);
    assertThat(attempt.path("payload")).isEqualTo(receiver.received().get(0).body());
    assertThat(log.path("dropped").asLong()).isZero();
    assertThat(mock.callbacks().attempts()).extracting(a -> a.outcome().name()).containsExactly("DELIVERED");

    assertThat(admin.post("/__admin/reset", "").status()).isEqualTo(200);

    assertThat(requests(admin, "")).isEmpty();
    assertThat(admin.get("/__admin/callbacks").items("callbacks")).isEmpty();
  }
}
