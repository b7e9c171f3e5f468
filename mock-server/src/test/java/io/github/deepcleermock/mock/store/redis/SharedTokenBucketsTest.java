package io.github.deepcleermock.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two mock instances in one JVM on one real Redis share each key's token buckets exactly. */
class SharedTokenBucketsTest {

  @RegisterExtension static final RedisServer REDIS = new RedisServer();

  private static final int QPS = 50;
  private static final int THREADS = 8;
  private static final int CLOSES_PER_THREAD = 60;

  @Test
  void twoInstancesGrantTogetherWhatOneBucketAllowsAndAnswer1901Beyond() throws Exception {
    Account shared = new Account("SHARED", QPS, 100, Account.DEFAULT_PERMISSIONS, false);
    try (DeepCleerMock first = DeepCleerMock.builder().account(shared).store(REDIS.uri()).start();
        DeepCleerMock second = DeepCleerMock.builder().account(shared).store(REDIS.uri()).start();
        RedisClient client = RedisClient.create(io.lettuce.core.RedisURI.create(REDIS.uri()));
        StatefulRedisConnection<String, String> redis = client.connect()) {
      VendorCloses closes = new VendorCloses();
      AtomicInteger granted = new AtomicInteger();
      AtomicInteger limited = new AtomicInteger();
      AtomicInteger other = new AtomicInteger();
      List<Callable<Void>> senders = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        senders.add(() -> {
          for (int i = 0; i < CLOSES_PER_THREAD; i++) {
            String baseUrl = (i + thread) % 2 == 0 ? first.baseUrl() : second.baseUrl();
            int code = closes.close(baseUrl, "SHARED", "r-" + thread + "-" + i).code();
            (code == 1100 ? granted : code == 1901 ? limited : other).incrementAndGet();
          }
          return null;
        });
      }
      long startMicros = micros(redis.sync().time());
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        for (Future<Void> done : pool.invokeAll(senders)) {
          done.get();
        }
      } finally {
        pool.shutdown();
      }
      long elapsedMicros = micros(redis.sync().time()) - startMicros;

      // GCRA from a full bucket: at most the capacity plus one token per 1/qps of elapsed time, by Redis's clock.
      long allowed = QPS + elapsedMicros / (1_000_000 / QPS);
      assertThat(other.get()).as("answers other than 1100 and 1901").isZero();
      assertThat(granted.get() + limited.get()).isEqualTo(THREADS * CLOSES_PER_THREAD);
      assertThat(granted.get())
          .as("1100s across both instances in %d µs", elapsedMicros)
          .isGreaterThanOrEqualTo(QPS)
          .isLessThanOrEqualTo((int) allowed);
      assertThat(limited.get()).isPositive();
    }
  }

  @Test
  void theFirstInstanceSpendingTheBucketLeavesNoTokenForTheSecond() {
    Account key = new Account("ONE-PER-SECOND", 1, 100, Account.DEFAULT_PERMISSIONS, false);
    try (DeepCleerMock first = DeepCleerMock.builder().account(key).store(REDIS.uri()).start();
        DeepCleerMock second = DeepCleerMock.builder().account(key).store(REDIS.uri()).start()) {
      VendorCloses closes = new VendorCloses();
      assertThat(closes.close(first.baseUrl(), "ONE-PER-SECOND", "a").code()).isEqualTo(1100);
      VendorCloses.Answer onSecond = closes.close(second.baseUrl(), "ONE-PER-SECOND", "b");
      assertThat(onSecond.code()).isEqualTo(1901);
      assertThat(onSecond.reason()).contains("token bucket empty");
    }
  }

  @Test
  void submitsShareTheirOwnBucketAcrossInstancesApartFromTheClosesBucket() {
    Account key = new Account("SUBMIT-ONE", 1, 100, Account.DEFAULT_PERMISSIONS, false);
    try (DeepCleerMock first = DeepCleerMock.builder().account(key).store(REDIS.uri()).start();
        DeepCleerMock second = DeepCleerMock.builder().account(key).store(REDIS.uri()).start()) {
      VendorCloses calls = new VendorCloses();
      assertThat(calls.submit(first.baseUrl(), "SUBMIT-ONE", "t1").code()).isEqualTo(1100);
      VendorCloses.Answer again = calls.submit(second.baseUrl(), "SUBMIT-ONE", "t2");
      assertThat(again.code()).isEqualTo(1901);
      assertThat(again.reason()).contains("token bucket empty");
      assertThat(calls.close(second.baseUrl(), "SUBMIT-ONE", "c1").code()).isEqualTo(1100);
    }
  }

  private static long micros(List<String> time) {
    return Long.parseLong(time.get(0)) * 1_000_000L + Long.parseLong(time.get(1));
  }
}
