package io.github.deepcleermock.mock.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.pipeline.ResponseId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;

/** Readers racing writers over a small, constantly wrapping journal never see an entry mixed from two requests. */
class JournalSlotsConcurrencyTest {

  @RepeatedTest(10)
  void readersNeverSeeATornEntryWhileWritersWrapTheRing() throws Exception {
    MemoryJournal journal = new MemoryJournal(16);
    int writers = 4;
    int writesPerWriter = 50_000;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicLong entriesRead = new AtomicLong();
    ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        writes.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < writesPerWriter; i++) {
            long seq = journal.claim();
            journal.record(entry(seq));
          }
          return null;
        }));
      }
      List<Future<?>> reads = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        reads.add(pool.submit(() -> {
          start.await();
          while (writing.get()) {
            for (JournalEntry entry : journal.all()) {
              entriesRead.incrementAndGet();
              String problem = inconsistency(entry);
              if (problem != null) {
                torn.add(problem);
              }
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> write : writes) {
        write.get(60, TimeUnit.SECONDS);
      }
      writing.set(false);
      for (Future<?> read : reads) {
        read.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(torn).isEmpty();
    assertThat(entriesRead.get()).as("the readers really read while writers wrote").isPositive();
    assertThat(journal.all()).hasSize(16).allSatisfy(entry -> assertThat(inconsistency(entry)).isNull());
  }

  /** Every field of an entry is derived from its seq, so a mix of two writes shows. */
  private static JournalEntry entry(long seq) {
    String id = "r" + seq;
    byte[] body = ("{\"requestId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
    return new JournalEntry(seq, seq * 1_000, "POST", "/p", "k" + (seq % 7), id, (int) (seq % 9000),
        "reason " + (seq % 3), seq % 2 == 0, null, new ResponseId(seq, -seq), seq, body, false);
  }

  private static String inconsistency(JournalEntry entry) {
    long seq = entry.seq();
    boolean consistent =
        ("r" + seq).equals(entry.requestId())
            && ("k" + (seq % 7)).equals(entry.accessKey())
            && entry.code() == (int) (seq % 9000)
            && ("reason " + (seq % 3)).equals(entry.reason())
            && entry.unknownStream() == (seq % 2 == 0)
            && entry.latencyNanos() == seq
            && entry.bodyText().equals("{\"requestId\":\"r" + seq + "\"}")
            && entry.responseRequestId().equals(new ResponseId(seq, -seq).hex());
    return consistent ? null : "seq " + seq + " mixed: " + entry.requestId() + " " + entry.bodyText();
  }
}
