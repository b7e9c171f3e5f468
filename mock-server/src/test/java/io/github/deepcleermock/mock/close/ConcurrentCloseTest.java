package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.pipeline.Outcome;
import static io.github.deepcleermock.mock.close.PipelineFixture.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.streams.StreamRecord;
import io.github.deepcleermock.mock.streams.StreamState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real threads racing to close the same streams through their requestIds and their aliases. */
class ConcurrentCloseTest {

  private static final int THREADS = 8;
  private static final int STREAMS = 300;
  private static final List<String> SUFFIXES = List.of("", "-a", "-b", "-c");

  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void concurrentClosesOfOneStreamMakeExactlyOneTransitionAndOneListenerCall() throws Exception {
    PipelineFixture fixture = new PipelineFixture();
    fixture.accounts.put(Account.of(KEY).withQps(100_000));
    Map<String, AtomicInteger> listenerCalls = new ConcurrentHashMap<>();
    ClosePipeline pipeline = new ClosePipeline(fixture.accounts, fixture.streams, fixture.faults, fixture.clock,
        ClosePolicy.DEFAULT,
        stream -> listenerCalls.computeIfAbsent(stream.requestId(), id -> new AtomicInteger()).incrementAndGet());
    List<StreamRecord> streams = new ArrayList<>();
    for (int s = 0; s < STREAMS; s++) {
      streams.add(fixture.open("s" + s, "s" + s + "-a", "s" + s + "-b", "s" + s + "-c"));
    }
    CyclicBarrier start = new CyclicBarrier(THREADS);
    AtomicInteger unexpected = new AtomicInteger();

    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String suffix = SUFFIXES.get(t % SUFFIXES.size());
      workers.add(pool.submit(() -> {
        start.await();
        // Every thread walks the streams in the same order, so each stream is closed by all threads at once.
        for (int s = 0; s < STREAMS; s++) {
          Outcome outcome = pipeline.close(PipelineFixture.request(KEY, "s" + s + suffix));
          if (outcome.code() != 1100 || outcome.unknownStream()) {
            unexpected.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> worker : workers) {
      worker.get(30, TimeUnit.SECONDS);
    }

    assertThat(unexpected).hasValue(0);
    assertThat(streams).allSatisfy(stream -> assertThat(stream.state()).isEqualTo(StreamState.CLOSED));
    assertThat(listenerCalls).hasSize(STREAMS);
    assertThat(listenerCalls.values()).allSatisfy(calls -> assertThat(calls).hasValue(1));
  }

  @Test
  void concurrentClosesSpendNoMoreTokensThanTheBucketHolds() throws Exception {
    PipelineFixture fixture = new PipelineFixture();
    int capacity = 250;
    fixture.accounts.put(Account.of(KEY).withQps(capacity));
    CyclicBarrier start = new CyclicBarrier(THREADS);
    AtomicInteger successes = new AtomicInteger();
    AtomicInteger limited = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();

    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      workers.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < 100; i++) {
          switch (fixture.close(KEY, "r").code()) {
            case 1100 -> successes.incrementAndGet();
            case 1901 -> limited.incrementAndGet();
            default -> other.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> worker : workers) {
      worker.get(30, TimeUnit.SECONDS);
    }

    assertThat(successes).as("the clock never moves, so nothing refills").hasValue(capacity);
    assertThat(limited).hasValue(THREADS * 100 - capacity);
    assertThat(other).hasValue(0);
  }
}
