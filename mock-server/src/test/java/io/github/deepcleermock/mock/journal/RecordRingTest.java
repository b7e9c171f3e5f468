package io.github.deepcleermock.mock.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecordRingTest {

  @Test
  void keepsOnlyTheNewestRecordsUpToCapacity() {
    RecordRing<Integer> ring = new RecordRing<>(3);
    for (int i = 1; i <= 10; i++) {
      ring.add(i);
    }
    assertThat(ring.newestFirst(x -> true, 100)).containsExactly(10, 9, 8);
    assertThat(ring.oldestFirst(x -> true)).containsExactly(8, 9, 10);
  }

  @Test
  void filtersAndLimitsApplyNewestFirst() {
    RecordRing<Integer> ring = new RecordRing<>(100);
    for (int i = 1; i <= 10; i++) {
      ring.add(i);
    }
    assertThat(ring.newestFirst(x -> x % 2 == 0, 2)).containsExactly(10, 8);
  }

  @Test
  void clearingHidesOldRecordsAndSequenceNumbersKeepRising() {
    RecordRing<String> ring = new RecordRing<>(10);
    ring.add("a");
    long before = ring.add("b");
    ring.clear();
    assertThat(ring.newestFirst(x -> true, 10)).isEmpty();
    long after = ring.add("c");
    assertThat(after).isGreaterThan(before);
    assertThat(ring.newestFirst(x -> true, 10)).containsExactly("c");
  }

  @Test
  void aSlotClaimedFirstCanBeUpdatedInPlace() {
    RecordRing<String> ring = new RecordRing<>(10);
    long seq = ring.claim();
    ring.put(seq, "pending");
    ring.add("other");
    ring.put(seq, "done");
    assertThat(ring.oldestFirst(x -> true)).containsExactly("done", "other");
  }

  @Test
  void concurrentWritersLoseNoRecordWhileTheRingHasRoom() throws Exception {
    RecordRing<Integer> ring = new RecordRing<>(80_000);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    for (int t = 0; t < 8; t++) {
      int base = t * 10_000;
      pool.submit(
          () -> {
            start.await();
            for (int i = 0; i < 10_000; i++) {
              ring.add(base + i);
            }
            return null;
          });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    List<Integer> all = new ArrayList<>(ring.newestFirst(x -> true, Integer.MAX_VALUE));
    assertThat(all).hasSize(80_000).doesNotHaveDuplicates();
  }
}
