package io.github.deepcleermock.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
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
class SharedControlOutageTest {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private static final Account KEY = new Account("OUTAGE", 1000, 100, Account.DEFAULT_PERMISSIONS, false);

  @Test
  void withRedisDownControlCallsAnswer503AndVendorCalls1903AndARestartedRedisIsReSeededWithTheBaseline() {
    try (DeepCleerMock a = DeepCleerMock.builder().account(KEY).store(REDIS.uri()).start();
        DeepCleerMock b = DeepCleerMock.builder().account(KEY).store(REDIS.uri()).start()) {
      VendorCloses vendor = new VendorCloses();
      AdminCalls admin = new AdminCalls();
      a.faults().add(FaultSpec.code(FaultMatch.byRequestId("doomed"), 1905));
      assertThat(vendor.close(b.baseUrl(), "OUTAGE", "doomed").code()).isEqualTo(1905);

      REDIS.stop();
      for (AdminCalls.Answer refused : new AdminCalls.Answer[] {
          admin.post(a.baseUrl() + "/__admin/faults", "{\"code\":1903}"),
          admin.get(a.baseUrl() + "/__admin/faults"),
          admin.put(a.baseUrl() + "/__admin/accounts/NEW", "{}"),
          admin.get(b.baseUrl() + "/__admin/accounts"),
          admin.delete(b.baseUrl() + "/__admin/accounts/OUTAGE"),
          admin.post(b.baseUrl() + "/__admin/scenarios", "{\"script\":{\"endAt\":5}}"),
          admin.post(b.baseUrl() + "/__admin/provider-states",
              "{\"state\":\"QPS limit is exhausted\",\"params\":{\"accessKey\":\"OUTAGE\"}}"),
          admin.post(a.baseUrl() + "/__admin/reset", "")}) {
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(503);
        assertThat(refused.body().path("error").asText()).startsWith("store: unavailable");
      }
      VendorCloses.Answer down = vendor.close(b.baseUrl(), "OUTAGE", "during");
      assertThat(down.code()).isEqualTo(1903);
      assertThat(down.reason()).isEqualTo("store unavailable");

      REDIS.start();
      // Lettuce reconnects by itself; until then the answers stay 1903. The new Redis is empty: the first instance
      // that notices seeds it with the baseline (the configured account, no faults).
      Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
      VendorCloses.Answer answer = vendor.close(a.baseUrl(), "OUTAGE", "doomed");
      while (answer.code() == 1903 && Instant.now().isBefore(deadline)) {
        assertThat(answer.reason()).isEqualTo("store unavailable");
        answer = vendor.close(a.baseUrl(), "OUTAGE", "doomed");
      }
      assertThat(answer.code()).as("after Redis returned").isEqualTo(1100);
      assertThat(vendor.close(b.baseUrl(), "OUTAGE", "doomed").code()).isEqualTo(1100);
      assertThat(admin.get(b.baseUrl() + "/__admin/accounts/OUTAGE").status()).isEqualTo(200);
      assertThat(admin.get(b.baseUrl() + "/__admin/accounts/NEW").status()).as("nothing half-written").isEqualTo(404);
    }
  }
}
