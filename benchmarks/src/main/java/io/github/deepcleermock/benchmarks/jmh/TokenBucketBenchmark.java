package io.github.deepcleermock.benchmarks.jmh;

import io.github.deepcleermock.mock.limits.TokenBucket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The token bucket of one key under contention (all threads share one bucket, the worst case: a single hot key).
 * One thread is the uncontended baseline; four threads on this 2-core machine show the cost of CAS retries.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenBucketBenchmark {

  /** One bucket for all threads, with a qps high enough that acquiring always succeeds (the CAS path). */
  @State(Scope.Benchmark)
  public static class HotKey {
    final TokenBucket bucket = new TokenBucket(1_000_000_000);
  }

  @Benchmark
  @Threads(1)
  public boolean oneThread(HotKey key) {
    return key.bucket.tryAcquire(System.nanoTime());
  }

  @Benchmark
  @Threads(4)
  public boolean fourThreadsOneKey(HotKey key) {
    return key.bucket.tryAcquire(System.nanoTime());
  }
}
