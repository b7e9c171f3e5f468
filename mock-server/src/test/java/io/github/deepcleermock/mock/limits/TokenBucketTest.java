package io.github.deepcleermock.mock.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The limiter is a function of "now": tests pass the time in, no clock and no sleeps. */
class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long T0 = 123_456_789L;

  @Test
  void fullBucketGrantsCapacityTokensAtOnceThenRefuses() {
    TokenBucket bucket = new TokenBucket(5);

    assertThat(acquireAll(bucket, T0, 100)).isEqualTo(5);
    assertThat(bucket.available(T0)).isZero();
  }

  @Test
  void refillsOneTokenPerIntervalOfOneSecondOverQps() {
    TokenBucket bucket = new TokenBucket(10);
    acquireAll(bucket, T0, 100);

    assertThat(bucket.tryAcquire(T0 + SECOND / 10 - 1)).isFalse();
    assertThat(bucket.tryAcquire(T0 + SECOND / 10)).isTrue();
    assertThat(bucket.tryAcquire(T0 + SECOND / 10)).isFalse();
    assertThat(acquireAll(bucket, T0 + SECOND / 2, 100)).as("half a second later").isEqualTo(4);
  }

  @Test
  void idleTimeRefillsAtMostAFullBucket() {
    TokenBucket bucket = new TokenBucket(3);
    acquireAll(bucket, T0, 100);

    assertThat(bucket.available(T0 + 100 * SECOND)).isEqualTo(3);
    assertThat(acquireAll(bucket, T0 + 100 * SECOND, 100)).isEqualTo(3);
  }

  @Test
  void steadyRateAtQpsIsNeverRefused() {
    TokenBucket bucket = new TokenBucket(50);
    acquireAll(bucket, T0, 100);

    for (int i = 1; i <= 500; i++) {
      assertThat(bucket.tryAcquire(T0 + i * (SECOND / 50))).as("request %d", i).isTrue();
    }
  }

  @Test
  void worksAcrossNegativeTickerValues() {
    TokenBucket bucket = new TokenBucket(2);

    assertThat(acquireAll(bucket, -5 * SECOND, 10)).isEqualTo(2);
    assertThat(bucket.tryAcquire(-5 * SECOND + SECOND / 2)).isTrue();
  }

  @Test
  void frozenBucketRefusesWhateverTheTimeUntilRefilled() {
    TokenBucket bucket = new TokenBucket(5);
    bucket.freeze();

    assertThat(bucket.isFrozen()).isTrue();
    assertThat(bucket.tryAcquire(T0 + 1000 * SECOND)).isFalse();
    assertThat(bucket.available(T0)).isZero();
    bucket.refill();
    assertThat(bucket.isFrozen()).isFalse();
    assertThat(acquireAll(bucket, T0, 100)).isEqualTo(5);
  }

  @Test
  void refillRestoresAFullBucket() {
    TokenBucket bucket = new TokenBucket(4);
    acquireAll(bucket, T0, 100);

    bucket.refill();

    assertThat(bucket.available(T0)).isEqualTo(4);
  }

  @Test
  void capacityEqualsQpsAndQpsMustBePositive() {
    assertThat(new TokenBucket(7).capacity()).isEqualTo(7);
    assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(0)).withMessageContaining("at least 1");
  }

  @Test
  void contentionNeverGrantsMoreTokensThanTheBucketHolds() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 20; round++) {
        TokenBucket bucket = new TokenBucket(1000);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<Integer>> granted = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          // A frozen "now": no refill can happen, so exactly the capacity may be granted.
          granted.add(pool.submit(() -> {
            start.await();
            return acquireAll(bucket, T0, 500);
          }));
        }
        int total = 0;
        for (Future<Integer> f : granted) {
          total += f.get(30, TimeUnit.SECONDS);
        }
        assertThat(total).as("round %d", round).isEqualTo(1000);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int acquireAll(TokenBucket bucket, long now, int attempts) {
    int granted = 0;
    for (int i = 0; i < attempts; i++) {
      if (bucket.tryAcquire(now)) {
        granted++;
      }
    }
    return granted;
  }
}
