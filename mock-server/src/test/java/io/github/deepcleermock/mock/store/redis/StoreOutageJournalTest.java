package io.github.deepcleermock.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.admin.AdminClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis stopped mid-run: the journal and callback log answer 503 with a JSON error, entries that could not be
 * written are counted; Redis back: both answer again without restarting the mock.
 */
class StoreOutageJournalTest {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  @Test
  void journalAndCallbackLogAnswer503WhileRedisIsDownCountWhatWasDroppedAndRecoverByThemselves() {
    try (DeepCleerMock mock =
        DeepCleerMock.builder().account(Account.of("key-1")).metrics(true).store(REDIS.uri()).start()) {
      AdminClient admin = AdminClient.of(mock);
      assertThat(admin.closeCode("key-1", "before")).isEqualTo(1100);
      assertThat(admin.get("/__admin/requests").texts("requests", "requestId")).containsExactly("before");

      REDIS.stop();
      assertThat(admin.closeCode("key-1", "during")).isEqualTo(1903);
      for (String[] call : new String[][] {
          {"GET", "/__admin/requests"}, {"DELETE", "/__admin/requests"}, {"GET", "/__admin/callbacks"},
          {"POST", "/__admin/reset"}}) {
        AdminClient.Reply reply = admin.send(call[0], call[1], call[0].equals("POST") ? "" : null,
            AdminClient.Sent.VALID);
        assertThat(reply.status()).as(call[0] + " " + call[1]).isEqualTo(503);
        assertThat(reply.json().path("error").asText()).startsWith("store: unavailable (");
      }

      REDIS.start();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
      AdminClient.Reply reply = admin.send("GET", "/__admin/requests", null, AdminClient.Sent.VALID);
      while (reply.status() == 503 && Instant.now().isBefore(deadline)) {
        reply = admin.send("GET", "/__admin/requests", null, AdminClient.Sent.VALID);
      }
      assertThat(reply.status()).as("after Redis returned").isEqualTo(200);
      // The entry of the close answered while Redis was down could not be written: counted, not half-written.
      assertThat(reply.json().path("dropped").asLong()).isEqualTo(1);
      assertThat(admin.raw("GET", "/__admin/metrics", null, null).body()).contains("deepcleer_mock_journal_dropped_total 1.0");

      // Redis came back empty and without its scripts: the next entry is refused (NOSCRIPT), sent again with the
      // script itself, and listed a moment later (after the answer; the retry is not on the request's path).
      assertThat(admin.closeCode("key-1", "after")).isEqualTo(1100);
      deadline = Instant.now().plus(Duration.ofSeconds(10));
      List<String> listed = admin.get("/__admin/requests").texts("requests", "requestId");
      while (listed.isEmpty() && Instant.now().isBefore(deadline)) {
        listed = admin.get("/__admin/requests").texts("requests", "requestId");
      }
      assertThat(listed).containsExactly("after");
      assertThat(admin.get("/__admin/requests").json().path("dropped").asLong()).isEqualTo(1);
    }
  }
}
