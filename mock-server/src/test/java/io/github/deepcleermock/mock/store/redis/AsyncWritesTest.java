package io.github.deepcleermock.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bound on unanswered writes: beyond it a write is not even sent, only counted; failures are counted too. */
class AsyncWritesTest {

  @Test
  void writesBeyondTheBoundAreDroppedUnsentAndCountedUntilAnswersFreeRoom() {
    AsyncWrites writes = new AsyncWrites("test writes", 3);
    List<CompletableFuture<Long>> unanswered = new ArrayList<>();
    AtomicInteger sent = new AtomicInteger();
    for (int i = 0; i < 5; i++) {
      writes.submit(() -> {
        sent.incrementAndGet();
        CompletableFuture<Long> answer = new CompletableFuture<>();
        unanswered.add(answer);
        return answer;
      });
    }
    assertThat(sent).hasValue(3);
    assertThat(writes.inFlight()).isEqualTo(3);
    assertThat(writes.dropped()).isEqualTo(2);

    unanswered.get(0).complete(1L);
    unanswered.get(1).completeExceptionally(new IllegalStateException("Connection closed"));
    assertThat(writes.inFlight()).isEqualTo(1);
    assertThat(writes.dropped()).isEqualTo(3);

    writes.submit(() -> {
      sent.incrementAndGet();
      return CompletableFuture.completedFuture(1L);
    });
    assertThat(sent).hasValue(4);
    assertThat(writes.dropped()).isEqualTo(3);
  }

  @Test
  void aWriteThatCannotEvenBeSentIsCountedAndFreesItsPlace() {
    AsyncWrites writes = new AsyncWrites("test writes", 1);
    writes.submit(() -> {
      throw new IllegalStateException("rejected while disconnected");
    });
    assertThat(writes.dropped()).isEqualTo(1);
    assertThat(writes.inFlight()).isZero();
  }
}
