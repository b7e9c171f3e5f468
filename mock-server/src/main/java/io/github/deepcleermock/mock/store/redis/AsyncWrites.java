package io.github.deepcleermock.mock.store.redis;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes that must not hold the thread that makes them (journal entries on the vendor endpoints' request threads):
 * sent without waiting (Lettuce pipelines them on the store's one connection), at most {@link #bound} unanswered at a
 * time. A write beyond the bound, or one Redis refuses, does not answer in time or cannot take while down, is
 * dropped and counted, never retried: each write is one script that runs whole or not at all, so a dropped one
 * leaves nothing half-written, and retrying would only pile up memory while Redis is away.
 */
final class AsyncWrites {

  private static final Logger LOG = LoggerFactory.getLogger(AsyncWrites.class);

  private final String what;
  private final int bound;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  /** Set on the first drop after a success, so an outage logs one line, not one per request. */
  private final AtomicBoolean dropping = new AtomicBoolean();

  /**
   * @param what what is written, for the log ("journal entries")
   * @param bound writes unanswered at one time at most
   */
  AsyncWrites(String what, int bound) {
    this.what = what;
    this.bound = bound;
  }

  /** Sends the write {@code send} starts, unless {@link #bound} writes are unanswered already (then drops it). */
  void submit(Supplier<? extends CompletionStage<?>> send) {
    if (inFlight.incrementAndGet() > bound) {
      inFlight.decrementAndGet();
      drop("more than " + bound + " writes unanswered");
      return;
    }
    CompletionStage<?> sent;
    try {
      sent = send.get();
    } catch (RuntimeException e) {
      inFlight.decrementAndGet();
      drop(e.getMessage());
      return;
    }
    sent.whenComplete((answer, failure) -> {
      inFlight.decrementAndGet();
      if (failure != null) {
        drop(failure.getMessage());
      } else {
        dropping.set(false);
      }
    });
  }

  /** Writes dropped since start. */
  long dropped() {
    return dropped.get();
  }

  /** Writes sent and not answered yet. */
  int inFlight() {
    return inFlight.get();
  }

  private void drop(String why) {
    dropped.incrementAndGet();
    if (dropping.compareAndSet(false, true)) {
      LOG.warn("Dropping {} the shared store cannot take ({}); counted in the admin API and metrics", what, why);
    }
  }
}
