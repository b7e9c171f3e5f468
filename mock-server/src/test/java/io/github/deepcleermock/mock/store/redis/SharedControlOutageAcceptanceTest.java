package io.github.deepcleermock.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultSpec;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis stopped mid-run: the admin calls for accounts, faults, scenarios, provider states and reset answer 503 with a
 * JSON error and change nothing, vendor calls 1903; a Redis that comes back (empty) is used again without a restart,
 * re-seeded with the baseline.
 */
class SharedControlOutageAcceptanceTest {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private static final Account KEY = new Account("OUTAGE", 1000, 100, Account.DEFAULT_PERMISSIONS, false);

  @Test
  void withRedisDownControlCallsAnswer503AndVendorCalls1903AndARestartedRedisIsReSeededWithTheBaseline() {
    try (DeepCleerMock a = DeepCleerMock.builder().account(KEY).store(REDIS.uri()).start();
        DeepCleerMock b = DeepCleerMock.builder().account(KEY).store(REDIS.uri()).start()) {
      VendorCloses vendor = new VendorCloses();
      // Checks every answer against admin-openapi.yaml, the 503s included.
      AdminClient adminA = AdminClient.of(a);
      AdminClient adminB = AdminClient.of(b);
      a.faults().add(FaultSpec.code(FaultMatch.byRequestId("doomed"), 1905));
      assertThat(vendor.close(b.baseUrl(), "OUTAGE", "doomed").code()).isEqualTo(1905);

      REDIS.stop();
      for (AdminClient.Reply refused : new AdminClient.Reply[] {
          adminA.post("/__admin/faults", "{\"code\":1903}"),
          adminA.get("/__admin/faults"),
          adminA.delete("/__admin/faults/fault-1"),
          adminA.put("/__admin/accounts/NEW", "{}"),
          adminB.get("/__admin/accounts"),
          adminB.get("/__admin/accounts/OUTAGE"),
          adminB.delete("/__admin/accounts/OUTAGE"),
          adminB.post("/__admin/scenarios", "{\"script\":{\"endAt\":5}}"),
          adminB.get("/__admin/scenarios"),
          adminB.post("/__admin/provider-states",
              "{\"state\":\"QPS limit is exhausted\",\"params\":{\"accessKey\":\"OUTAGE\"}}"),
          adminA.post("/__admin/reset", "")}) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().path("error").asText()).startsWith("store: unavailable");
      }
      VendorCloses.Answer down = vendor.close(b.baseUrl(), "OUTAGE", "during");
      assertThat(down.code()).isEqualTo(1903);
      assertThat(down.reason()).isEqualTo("store unavailable");

      REDIS.start();
      // The new Redis is empty: the first instance that notices seeds it with the baseline (the configured
      // account, no faults), so the doomed close now succeeds on both.
      assertThat(closeOnceReconnected(vendor, a.baseUrl()).code()).as("A after Redis returned").isEqualTo(1100);
      assertThat(closeOnceReconnected(vendor, b.baseUrl()).code()).as("B after Redis returned").isEqualTo(1100);
      assertThat(adminB.get("/__admin/accounts/OUTAGE").status()).isEqualTo(200);
      assertThat(adminB.get("/__admin/accounts/NEW").status()).as("nothing half-written").isEqualTo(404);
    }
  }

  /**
   * Each instance's Lettuce reconnects by itself, at most a second apart; until it has, its answers stay 1903
   * {@code store unavailable}.
   */
  private static VendorCloses.Answer closeOnceReconnected(VendorCloses vendor, String baseUrl) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    VendorCloses.Answer answer = vendor.close(baseUrl, "OUTAGE", "doomed");
    while (answer.code() == 1903 && Instant.now().isBefore(deadline)) {
      assertThat(answer.reason()).isEqualTo("store unavailable");
      answer = vendor.close(baseUrl, "OUTAGE", "doomed");
    }
    return answer;
  }
}
