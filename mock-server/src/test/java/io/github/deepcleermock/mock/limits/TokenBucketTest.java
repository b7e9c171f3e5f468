package io.github.deepcleermock.mock.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void aFullBucketGrantsExactlyItsCapacityAtOneInstant() {
    TokenBucket bucket = new TokenBucket(5);
    assertThat(grants(bucket, 20, 1_000)).isEqualTo(5);
  }

  @Test
  void anEmptyBucketRefillsOneTokenPerIntervalAndNoSooner() {
    TokenBucket bucket = new TokenBucket(10);
    long now = 0;
    for (int i = 0; i < 10; i++) {
      assertThat(bucket.tryAcquire(now)).isTrue();
    }
    assertThat(bucket.tryAcquire(now)).isFalse();
    assertThat(bucket.tryAcquire(now + SECOND / 10 - 1)).isFalse();
    assertThat(bucket.tryAcquire(now + SECOND / 10)).isTrue();
    assertThat(bucket.tryAcquire(now + SECOND / 10)).isFalse();
  }

  @Test
  void anIdleKeyRefillsToCapacityButNeverBeyond() {
    TokenBucket bucket = new TokenBucket(3);
    for (int i = 0; i < 3; i++) {
      bucket.tryAcquire(0);
    }
    long later = 60 * SECOND;
    assertThat(bucket.available(later)).isEqualTo(3);
    assertThat(grants(bucket, 10, later)).isEqualTo(3);
  }

  @Test
  void aSteadyOverloadIsHeldToQpsPerSecondPlusTheInitialBurst() {
    TokenBucket bucket = new TokenBucket(100);
    int granted = 0;
    // 1 000 requests per second for 10 seconds, evenly paced.
    for (long t = 0; t < 10 * SECOND; t += SECOND / 1000) {
      if (bucket.tryAcquire(t)) {
        granted++;
      }
    }
    assertThat(granted).isBetween(100 * 10 + 100 - 1, 100 * 10 + 100);
  }

  @Test
  void aFrozenBucketGrantsNothingWhateverTheTimeUntilRefilled() {
    TokenBucket bucket = new TokenBucket(50);
    bucket.freeze();
    assertThat(bucket.tryAcquire(0)).isFalse();
    assertThat(bucket.tryAcquire(3600 * SECOND)).isFalse();
    assertThat(bucket.available(3600 * SECOND)).isZero();
    bucket.refill();
    assertThat(bucket.tryAcquire(3600 * SECOND)).isTrue();
  }

  @Test
  void refillRestoresAFullBucketImmediately() {
    TokenBucket bucket = new TokenBucket(2);
    bucket.tryAcquire(0);
    bucket.tryAcquire(0);
    bucket.refill();
    assertThat(bucket.tryAcquire(0)).isTrue();
    assertThat(bucket.tryAcquire(0)).isTrue();
    assertThat(bucket.tryAcquire(0)).isFalse();
  }

  @Test
  void qpsBelowOneIsRefused() {
    assertThatThrownBy(() -> new TokenBucket(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contentionFromManyThreadsNeverGrantsMoreTokensThanTheBucketHolds() throws Exception {
    int capacity = 1_000;
    TokenBucket bucket = new TokenBucket(capacity);
    int threads = 8;
    int attemptsPerThread = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<Integer> worker =
            () -> {
              start.await();
              // Time stands still: no refill can excuse an extra grant.
              return grants(bucket, attemptsPerThread, 42);
            };
        results.add(pool.submit(worker));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> result : results) {
        total += result.get(30, TimeUnit.SECONDS);
      }
      assertThat(total).isEqualTo(capacity);
    } finally {
      pool.shutdownNow();
    }
  }

  /** How many of {@code attempts} acquisitions at the instant {@code now} succeed. */
  private static int grants(TokenBucket bucket, int attempts, long now) {
    int granted = 0;
    for (int i = 0; i < attempts; i++) {
      if (bucket.tryAcquire(now)) {
        granted++;
      }
    }
    return granted;
  }
}
