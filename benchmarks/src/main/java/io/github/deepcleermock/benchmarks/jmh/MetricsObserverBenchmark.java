package io.github.deepcleermock.benchmarks.jmh;

import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.journal.JournalObserver;
import io.github.deepcleermock.mock.metrics.MockMetrics;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What metrics add to every answered request: the journal observer that counts it by endpoint and code, records
 * its latency and (here) a fired fault. load.sh measures the same cost end to end; on a shared machine its noise is
 * larger than the cost, this isolates it. Four threads on one series is the worst case (one hot endpoint and code).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MetricsObserverBenchmark {

  /** One registry for all threads, as in a running mock. */
  @State(Scope.Benchmark)
  public static class Metrics {
    MockMetrics metrics;
    JournalObserver observer;
    final JournalEntry close =
        new JournalEntry(1, 0, "POST", "/finish_videostream/v4", "bench-key", "bench-stream-1", 1100, null, false,
            null, null, 42_000, new byte[0], false);
    final JournalEntry fault =
        new JournalEntry(2, 0, "POST", "/finish_videostream/v4", "bench-key", "bench-stream-1", 1903, "fault rule",
            false, "fault-1", null, 42_000, new byte[0], false);

    @Setup(Level.Trial)
    public void start() {
      metrics = new MockMetrics();
      observer = metrics.requests();
    }

    @TearDown(Level.Trial)
    public void stop() {
      metrics.close();
    }
  }

  @Benchmark
  @Threads(1)
  public void countAnsweredClose(Metrics m) {
    m.observer.recorded(m.close);
  }

  @Benchmark
  @Threads(1)
  public void countFiredFault(Metrics m) {
    m.observer.recorded(m.fault);
  }

  @Benchmark
  @Threads(4)
  public void countAnsweredCloseFourThreads(Metrics m) {
    m.observer.recorded(m.close);
  }
}
