package io.github.deepcleermock.mock.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.streams.StreamSpec;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A burst of callbacks runs on a bounded number of threads (the JDK's default executor left 109 idle ones). */
class CallbackThreadsAcceptanceTest {

  @Test
  void aBurstOfCallbacksUsesAtMostTheBoundedThreads() throws Exception {
    int burst = 300;
    try (DeepCleerMock mock = DeepCleerMock.builder().account(new Account("k", 100_000, burst, Set.of("finish"), false))
        .start(); CallbackReceiver receiver = CallbackReceiver.start()) {
      for (int i = 0; i < burst; i++) {
        mock.streams().open(new StreamSpec("s" + i, "k", List.of(), receiver.url("/img"), null, 1, null));
      }
      Set<Thread> clientWorkersBefore = clientWorkers();

      // Ending streams sends their callbacks without any HTTP client of the test's own.
      for (int i = 0; i < burst; i++) {
        mock.streams().end("s" + i, EndOfStream.CLOSED_BY_CLIENT);
      }
      mock.awaitCallbacksIdle(Duration.ofSeconds(30));

      assertThat(receiver.received()).hasSize(burst);
      assertThat(threads("deepcleer-mock-callbacks-")).isBetween(1L, (long) CallbackDispatcher.MAX_THREADS);
      // Other tests' clients may retire workers meanwhile, so look for new threads rather than a count.
      assertThat(clientWorkers()).as("JDK client worker threads started").isSubsetOf(clientWorkersBefore);
    }
  }

  private static long threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix))
        .count();
  }

  private static Set<Thread> clientWorkers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().startsWith("HttpClient-")
            && thread.getName().contains("Worker"))
        .collect(java.util.stream.Collectors.toSet());
  }
}
