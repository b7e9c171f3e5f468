package io.github.deepcleermock.mock.time;

import java.time.Instant;

/**
 * Where the mock reads time and schedules work: a monotonic ticker for limits, delays and retries, and a wall
 * clock that only stamps records.
 *
 * <p>One interface for both so that a fake ({@link MockClock}) can drive them from a single counter.
 */
public interface TimeSource {

  /** Monotonic nanoseconds; only differences are meaningful. */
  long nanoTime();

  /** Wall-clock time for timestamps in the journal, stream records and callback attempts. */
  Instant now();

  /** {@link #now()} as nanoseconds since the epoch, for records kept in bulk (no object per reading). */
  default long epochNanos() {
    Instant now = now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /**
   * Runs {@code task} once {@code delayNanos} have passed on this source's ticker. Tasks must be short and must
   * not block: they complete futures or start asynchronous work.
   */
  Cancellable schedule(long delayNanos, Runnable task);

  /** A scheduled task that can still be called off. */
  @FunctionalInterface
  interface Cancellable {
    /** Calls the task off if it has not run yet; harmless otherwise. */
    void cancel();
  }
}
