package io.github.deepcleermock.mock.limits;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A per-access-key token bucket: capacity {@code qps} tokens, refilled at {@code qps} tokens per second.
 *
 * <p>Design: instead of storing a token count and a refill timestamp (two values that must change together), the
 * bucket keeps one number, the <em>theoretical arrival time</em> (TAT) of the next request if the key sent at
 * exactly its rate: each granted token pushes TAT forward by one emission interval {@code 1s / qps}. A request at
 * time {@code now} is granted iff the pushed TAT stays within {@code capacity × interval} (one second) of
 * {@code now}; an idle key lets TAT fall behind {@code now}, which is the refill, capped at a full bucket by
 * {@code max(TAT, now)}. This is the generic cell rate algorithm; it is exact (no timer, no rounding drift beyond
 * one nanosecond per token) and a single {@link AtomicLong} updated by compare-and-set makes it lock-free, so
 * contention on one key can never grant more tokens than the bucket holds and different keys share nothing.
 *
 * <p>The core is a pure function of the {@code nowNanos} argument; callers read a ticker and pass it in.
 */
public final class TokenBucket {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  /** TAT meaning "full bucket": far enough in the past for any ticker value, far enough from overflow. */
  private static final long FULL = Long.MIN_VALUE / 4;

  private final int capacity;
  private final long intervalNanos;
  private final long toleranceNanos;
  private final AtomicLong theoreticalArrival = new AtomicLong(FULL);
  private volatile boolean frozen;

  /** A full bucket for {@code qps} requests per second (at least 1). */
  public TokenBucket(int qps) {
    if (qps < 1) {
      throw new IllegalArgumentException("qps must be at least 1, was " + qps);
    }
    this.capacity = qps;
    this.intervalNanos = NANOS_PER_SECOND / qps;
    this.toleranceNanos = intervalNanos * qps;
  }

  /** Takes one token at {@code nowNanos} if there is one; never blocks. */
  public boolean tryAcquire(long nowNanos) {
    if (frozen) {
      return false;
    }
    while (true) {
      long tat = theoreticalArrival.get();
      long next = Math.max(tat, nowNanos) + intervalNanos;
      if (next - nowNanos > toleranceNanos) {
        return false;
      }
      if (theoreticalArrival.compareAndSet(tat, next)) {
        return true;
      }
    }
  }

  /** Tokens available at {@code nowNanos} (for the admin view; a snapshot, not a promise). */
  public int available(long nowNanos) {
    if (frozen) {
      return 0;
    }
    long tat = Math.max(theoreticalArrival.get(), nowNanos);
    long used = (tat - nowNanos + intervalNanos - 1) / intervalNanos;
    return (int) Math.max(0, capacity - used);
  }

  /** Empties the bucket until {@link #refill()}: every acquire fails, whatever the time. */
  public void freeze() {
    frozen = true;
  }

  /** Whether the bucket is frozen empty. */
  public boolean isFrozen() {
    return frozen;
  }

  /** Back to a full, unfrozen bucket. */
  public void refill() {
    theoreticalArrival.set(FULL);
    frozen = false;
  }

  /** The bucket's capacity, equal to its qps. */
  public int capacity() {
    return capacity;
  }
}
