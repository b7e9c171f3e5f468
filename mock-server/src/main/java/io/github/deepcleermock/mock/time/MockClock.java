package io.github.deepcleermock.mock.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fake {@link TimeSource} for deterministic tests: time stands still until {@link #advance(Duration)} moves it,
 * and advancing runs every scheduled task that became due, in due order, on the calling thread.
 *
 * <p>The ticker and the wall clock move together from one counter, so a token bucket, a delayed answer and a
 * callback retry all see the same time. Guarded by this object's monitor; tasks run outside it so that a task may
 * schedule further tasks.
 */
public final class MockClock implements TimeSource {

  private final Instant origin;
  private long elapsedNanos;
  private long sequence;
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();

  /** A clock that starts at {@code origin}. */
  public MockClock(Instant origin) {
    this.origin = Objects.requireNonNull(origin, "origin");
  }

  /** A clock that starts at 2026-01-01T00:00:00Z. */
  public MockClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Override
  public synchronized long nanoTime() {
    return elapsedNanos;
  }

  @Override
  public synchronized Instant now() {
    return origin.plusNanos(elapsedNanos);
  }

  @Override
  public synchronized Cancellable schedule(long delayNanos, Runnable task) {
    Objects.requireNonNull(task, "task");
    Entry entry = new Entry(elapsedNanos + Math.max(0, delayNanos), sequence++, task);
    queue.add(entry);
    return () -> entry.cancelled.set(true);
  }

  /**
   * Moves time forward by {@code amount} and runs the tasks that became due, each at its own due time (a task
   * scheduled by another task runs too if it falls inside the window).
   */
  public void advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("A clock only moves forward; got " + amount);
    }
    long target;
    synchronized (this) {
      target = elapsedNanos + amount.toNanos();
    }
    while (true) {
      Entry due;
      synchronized (this) {
        Entry head = queue.peek();
        if (head == null || head.dueNanos > target) {
          elapsedNanos = target;
          return;
        }
        due = queue.poll();
        elapsedNanos = Math.max(elapsedNanos, due.dueNanos);
      }
      if (!due.cancelled.get()) {
        due.task.run();
      }
    }
  }

  /** How many scheduled tasks wait for the clock (cancelled ones excluded). */
  public synchronized int pendingTasks() {
    int count = 0;
    for (Entry entry : queue) {
      if (!entry.cancelled.get()) {
        count++;
      }
    }
    return count;
  }

  /** The due times of pending tasks, relative to now, soonest first. */
  public synchronized List<Duration> pendingDelays() {
    List<Entry> entries = new ArrayList<>(queue);
    entries.sort(null);
    List<Duration> delays = new ArrayList<>();
    for (Entry entry : entries) {
      if (!entry.cancelled.get()) {
        delays.add(Duration.ofNanos(entry.dueNanos - elapsedNanos));
      }
    }
    return delays;
  }

  private static final class Entry implements Comparable<Entry> {
    final long dueNanos;
    final long order;
    final Runnable task;
    final AtomicBoolean cancelled = new AtomicBoolean();

    Entry(long dueNanos, long order, Runnable task) {
      this.dueNanos = dueNanos;
      this.order = order;
      this.task = task;
    }

    @Override
    public int compareTo(Entry other) {
      int byTime = Long.compare(dueNanos, other.dueNanos);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
