package io.github.deepcleermock.mock.time;

import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real time: {@link System#nanoTime()}, the system clock, and one daemon scheduler thread.
 *
 * <p>A single thread is enough because scheduled tasks only complete futures or start asynchronous HTTP calls;
 * that is also why a delayed answer never holds a server thread.
 */
public final class SystemTimeSource implements TimeSource, AutoCloseable {

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final ScheduledThreadPoolExecutor scheduler;

  public SystemTimeSource() {
    int instance = INSTANCES.incrementAndGet();
    ThreadFactory threads =
        runnable -> {
          Thread thread = new Thread(runnable, "deepcleer-mock-scheduler-" + instance);
          thread.setDaemon(true);
          return thread;
        };
    scheduler = new ScheduledThreadPoolExecutor(1, threads);
    // Cancelled callback retries and delays must not pile up in the queue until their due time.
    scheduler.setRemoveOnCancelPolicy(true);
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Instant now() {
    return Instant.now();
  }

  /** Millisecond precision, which is what the admin API shows, without an {@code Instant} per request. */
  @Override
  public long epochNanos() {
    return System.currentTimeMillis() * 1_000_000L;
  }

  @Override
  public Cancellable schedule(long delayNanos, Runnable task) {
    var future = scheduler.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
