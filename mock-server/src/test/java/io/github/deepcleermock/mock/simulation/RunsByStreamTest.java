package io.github.deepcleermock.mock.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.streams.StreamRecord;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.streams.Streams;
import io.github.deepcleermock.mock.time.MockClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunsByStreamTest {

  private final Streams streams = new Streams(new MockClock());

  private StreamRecord stream(String id) {
    return streams.open(StreamSpec.builder().accessKey("k").requestId(id).build(), StreamState.ACTIVE, 1_000_000);
  }

  @Test
  void eachStreamKeepsItsOwnRunUnderConcurrentPutsGetsAndRemoves() throws Exception {
    int threads = 8;
    int perThread = 2_000;
    List<List<StreamRecord>> owned = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<StreamRecord> mine = new ArrayList<>();
      for (int i = 0; i < perThread; i++) {
        mine.add(stream("t" + t + "-" + i));
      }
      owned.add(mine);
    }
    RunsByStream<String> runs = new RunsByStream<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> wrong = new ArrayList<>();
      for (List<StreamRecord> mine : owned) {
        wrong.add(pool.submit(() -> {
          start.await();
          int mismatches = 0;
          for (StreamRecord stream : mine) {
            runs.put(stream, stream.requestId());
          }
          for (StreamRecord stream : mine) {
            mismatches += stream.requestId().equals(runs.get(stream)) ? 0 : 1;
          }
          // Every other stream's run is forgotten again.
          for (int i = 0; i < mine.size(); i += 2) {
            mismatches += mine.get(i).requestId().equals(runs.remove(mine.get(i))) ? 0 : 1;
          }
          return mismatches;
        }));
      }
      start.countDown();
      for (Future<Integer> f : wrong) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(runs.get(owned.get(0).get(0))).isNull();
    assertThat(runs.get(owned.get(0).get(1))).isEqualTo("t0-1");
    assertThat(runs.clear()).hasSize(threads * perThread / 2);
    assertThat(runs.get(owned.get(0).get(1))).isNull();
    assertThat(runs.clear()).isEmpty();
  }
}
