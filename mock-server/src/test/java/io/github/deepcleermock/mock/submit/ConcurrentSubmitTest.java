package io.github.deepcleermock.mock.submit;

import static io.github.deepcleermock.mock.submit.SubmitFixture.KEY;
import static io.github.deepcleermock.mock.submit.SubmitFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.pipeline.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Racing submits on real threads: one stream per dedup key, never more ACTIVE streams than maxStreams. */
class ConcurrentSubmitTest {

  private static final int THREADS = 8;
  private static final int ROUNDS = 50;

  private static List<Outcome> race(SubmitFixture fixture, IntFunction<String> body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CyclicBarrier start = new CyclicBarrier(THREADS);
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<Outcome> task = () -> {
          start.await();
          return fixture.submit(body.apply(thread));
        };
        futures.add(pool.submit(task));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void racingSubmitsOfOneUrlOpenItOnceAndTheOthersLearnItsId() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      SubmitFixture fixture = new SubmitFixture();
      String url = "rtmp://live.test/live/" + round;

      List<Outcome> outcomes = race(fixture, thread -> body(url).toString());

      List<Outcome> opened = outcomes.stream().filter(o -> o.dupRequestId() == null).toList();
      assertThat(opened).hasSize(1);
      assertThat(outcomes).allSatisfy(o -> assertThat(o.code()).isEqualTo(1100));
      assertThat(outcomes).filteredOn(o -> o.dupRequestId() != null)
          .allSatisfy(o -> assertThat(o.dupRequestId()).isEqualTo(opened.get(0).requestId()));
      assertThat(fixture.streams.activeCount(KEY)).isEqualTo(1);
      assertThat(fixture.opened).hasSize(1);
    }
  }

  @Test
  void racingSubmitsNeverOpenMoreThanMaxStreams() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      SubmitFixture fixture = new SubmitFixture();
      fixture.account(Account.of(KEY).withMaxStreams(3));

      List<Outcome> outcomes = race(fixture, thread -> body("rtmp://live.test/live/" + thread).toString());

      assertThat(outcomes).filteredOn(o -> o.code() == 1100).hasSize(3);
      assertThat(outcomes).filteredOn(o -> o.code() == 1904).hasSize(THREADS - 3);
      assertThat(fixture.streams.activeCount(KEY)).isEqualTo(3);
    }
  }
}
