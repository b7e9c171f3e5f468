package io.github.deepcleermock.mock.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import io.github.deepcleermock.mock.time.MockClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Real threads: however many callbacks are due, at most MAX_IN_FLIGHT talk to receivers; the rest queue. */
class BoundedDeliveryTest {

  @Test
  void aHangingReceiverHoldsAtMostTheInFlightBoundAndTheQueuedRestIsDeliveredLater() throws Exception {
    // Beyond the in-flight bound and the queue, one more is dropped rather than held.
    int maxQueued = 40;
    int total = CallbackDispatcher.MAX_IN_FLIGHT + maxQueued;
    AtomicInteger arrived = new AtomicInteger();
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
      arrived.incrementAndGet();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      concurrent.decrementAndGet();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
    CallbackDispatcher dispatcher = new CallbackDispatcher(
        new MockClock(), new CallbackSettings(12, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(60), 50_000), ObjectMapper::new,
        maxQueued);
    try {
      String target = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/img";
      for (int i = 0; i <= total; i++) {
        dispatcher.send("s" + i, CallbackKind.FRAME_RESULT, 1, target, JsonNodeFactory.instance.objectNode());
      }
      CallbackAttempt dropped = dispatcher.attempts(a -> a.streamRequestId().equals("s" + total)).get(0);
      assertThat(dropped.outcome()).isEqualTo(CallbackOutcome.GAVE_UP);
      assertThat(dropped.error()).isEqualTo(CallbackDispatcher.QUEUE_FULL);
      assertThat(dropped.nextAttemptAt()).isNull();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (arrived.get() < CallbackDispatcher.MAX_IN_FLIGHT && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(arrived.get()).isEqualTo(CallbackDispatcher.MAX_IN_FLIGHT);
      assertThat(dispatcher.inFlight()).as("queued attempts count as in flight; failed: %s",
          dispatcher.attempts(a -> a.error() != null)).isEqualTo(total);

      release.countDown();
      assertThat(dispatcher.awaitIdle(Duration.ofSeconds(60))).isTrue();
      assertThat(dispatcher.attempts(a -> a.outcome() == CallbackOutcome.DELIVERED)).hasSize(total);
    } finally {
      release.countDown();
      dispatcher.close();
      receiver.stop(0);
    }

    assertThat(arrived.get()).isEqualTo(total);
    assertThat(maxConcurrent.get()).isEqualTo(CallbackDispatcher.MAX_IN_FLIGHT);
  }
}
