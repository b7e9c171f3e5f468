package io.github.deepcleermock.mock.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.admin.AdminClient;
import io.github.deepcleermock.mock.callbacks.CallbackAttempt;
import io.github.deepcleermock.mock.callbacks.CallbackKind;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import io.github.deepcleermock.mock.streams.StreamSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Real threads, real time (scaled): closes race the scheduler's frame events, and still no stream sends a result
 * callback after its end callback (U16), and each sends exactly one end callback.
 */
class ConcurrentEndsTest {

  @Test
  void closesRacingFrameEventsNeverLetAResultFollowTheEnd() throws Exception {
    int streams = 16;
    try (CallbackReceiver receiver = CallbackReceiver.start();
        DeepCleerMock mock = DeepCleerMock.builder().timeScale(50).start()) {
      ObjectNode data = (ObjectNode) new ObjectMapper().readTree("{\"returnAllImg\":1,\"detectFrequency\":1}");
      for (int i = 0; i < streams; i++) {
        mock.streams().open(new StreamSpec("s" + i, "YOUR_ACCESS_KEY", List.of(), receiver.url("/img"), null, 1, data));
      }
      for (int i = 0; i < streams; i++) {
        mock.callbacks().awaitCallback("s" + i, 3, Duration.ofSeconds(20));
      }
      AdminClient admin = AdminClient.of(mock);
      ExecutorService closers = Executors.newFixedThreadPool(4);
      List<Future<Integer>> codes = new ArrayList<>();
      for (int i = 0; i < streams; i++) {
        String id = "s" + i;
        codes.add(closers.submit(() -> admin.closeCode("YOUR_ACCESS_KEY", id)));
      }
      for (Future<Integer> code : codes) {
        assertThat(code.get()).isEqualTo(1100);
      }
      closers.shutdown();
      mock.awaitCallbacksIdle(Duration.ofSeconds(20));

      List<CallbackAttempt> log = mock.callbacks().attempts(a -> a.attempt() == 1);
      for (int i = 0; i < streams; i++) {
        String id = "s" + i;
        List<CallbackKind> kinds = log.stream().filter(a -> a.streamRequestId().equals(id))
            .map(CallbackAttempt::kind).toList();
        assertThat(kinds).as(id).endsWith(CallbackKind.STREAM_END);
        assertThat(kinds.stream().filter(k -> k == CallbackKind.STREAM_END)).as(id).hasSize(1);
      }
    }
  }
}
