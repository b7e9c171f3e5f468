package io.github.deepcleermock.benchmarks.jmh;

import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.pipeline.ResponseId;
import java.nio.charset.StandardCharsets;
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
 * What journaling one answered close costs on the request thread: claiming a sequence number and copying the entry
 * into the full journal's slots (the default 10 000), as the vendor endpoints do. Two threads show the claim's and
 * the slots' contention.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JournalBenchmark {

  private static final byte[] BODY =
      "{\"accessKey\":\"bench-key\",\"requestId\":\"bench-stream-1\"}".getBytes(StandardCharsets.UTF_8);
  private static final String REASON = "unknown stream (unknownStream policy: accept)";

  /** One journal of the default size for all threads, filled before measuring. */
  @State(Scope.Benchmark)
  public static class FullJournal {
    final Journal journal = Journals.memory(Journal.DEFAULT_SIZE);

    public FullJournal() {
      for (int i = 0; i < Journal.DEFAULT_SIZE; i++) {
        journal.record(close(journal));
      }
    }
  }

  static JournalEntry close(Journal journal) {
    return new JournalEntry(
        journal.claim(), 1_700_000_000_000_000_000L, "POST", "/finish_videostream/v4", "bench-key",
        "bench-stream-1", 1100, REASON, true, null, new ResponseId(0x1234L, 0x5678L), 12_000L, BODY, false);
  }

  @Benchmark
  @Threads(1)
  public void recordClose(FullJournal full) {
    full.journal.record(close(full.journal));
  }

  @Benchmark
  @Threads(2)
  public void recordCloseTwoThreads(FullJournal full) {
    full.journal.record(close(full.journal));
  }
}
