package io.github.deepcleermock.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis stopped mid-run: vendor calls answer 1903 "store unavailable"; Redis back: 1100 again, no restart. */
class StoreOutageTest {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  @Test
  void aStoppedRedisAnswers1903StoreUnavailableAndARestartedOneIsUsedAgainWithoutRestartingTheMock() {
    Account key = new Account("OUTAGE", 1000, 100, Account.DEFAULT_PERMISSIONS, false);
    try (DeepCleerMock mock = DeepCleerMock.builder().account(key).store(REDIS.uri()).start()) {
      VendorCloses closes = new VendorCloses();
      assertThat(closes.close(mock.baseUrl(), "OUTAGE", "before").code()).isEqualTo(1100);

      REDIS.stop();
      VendorCloses.Answer down = closes.close(mock.baseUrl(), "OUTAGE", "during");
      assertThat(down.status()).isEqualTo(200);
      assertThat(down.code()).isEqualTo(1903);
      assertThat(down.reason()).isEqualTo("store unavailable");

      REDIS.start();
      // Lettuce reconnects by itself (at most MAX_RECONNECT_DELAY apart); until then the answers stay 1903.
      Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
      VendorCloses.Answer answer = closes.close(mock.baseUrl(), "OUTAGE", "after");
      while (answer.code() == 1903 && Instant.now().isBefore(deadline)) {
        assertThat(answer.reason()).isEqualTo("store unavailable");
        answer = closes.close(mock.baseUrl(), "OUTAGE", "after");
      }
      assertThat(answer.code()).as("after Redis returned").isEqualTo(1100);
    }
  }
}
