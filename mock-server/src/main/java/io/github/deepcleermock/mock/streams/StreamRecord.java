package io.github.deepcleermock.mock.streams;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One stream task at run time: its submitted fields and whether (and when, and by whom) it stopped.
 *
 * <p>Leaving ACTIVE (close, end, removal) is one compare-and-set on {@code stop}, so concurrent closes and ends of
 * one stream, through any of its ids, make exactly one transition: only the winner fires the end callback and
 * gives the account's slot back.
 */
public final class StreamRecord {

  /** How a stream stopped. */
  private record Stop(StreamState state, Instant at) {}

  private final StreamSpec spec;
  private final Instant openedAt;
  private final long openedAtNanos;
  private final AtomicReference<Stop> stop = new AtomicReference<>();
  private final Generation owner;
  private final AtomicInteger activeOfKey;
  private final String dedupKey;

  StreamRecord(StreamSpec spec, Instant openedAt, long openedAtNanos, Generation owner, AtomicInteger activeOfKey) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
    this.openedAtNanos = openedAtNanos;
    this.owner = owner;
    this.activeOfKey = activeOfKey;
    this.dedupKey = spec.dedupKey();
  }

  /** The spec's dedup key, computed once. */
  String dedupKey() {
    return dedupKey;
  }

  /** Closes the stream at {@code at} (a close call); true only for the one call that made the transition. */
  public boolean close(Instant at) {
    return leave(StreamState.CLOSED, at, true);
  }

  /** Ends the stream at {@code at} (the service stopped it); true only for the one call that made the transition. */
  public boolean end(Instant at) {
    return leave(StreamState.ENDED, at, true);
  }

  /** Leaves ACTIVE because the stream was removed from the index; it is not kept among the ended streams. */
  boolean retire(Instant at) {
    return leave(StreamState.CLOSED, at, false);
  }

  /** Seeded stopped: never ACTIVE, so no slot to give back. */
  void startStopped(StreamState state, Instant at) {
    stop.set(new Stop(state, at));
  }

  private boolean leave(StreamState state, Instant at, boolean retain) {
    if (!stop.compareAndSet(null, new Stop(state, Objects.requireNonNull(at, "at")))) {
      return false;
    }
    activeOfKey.decrementAndGet();
    owner.left(this, retain);
    return true;
  }

  public StreamSpec spec() {
    return spec;
  }

  public String requestId() {
    return spec.requestId();
  }

  public String accessKey() {
    return spec.accessKey();
  }

  public StreamState state() {
    Stop stopped = stop.get();
    return stopped == null ? StreamState.ACTIVE : stopped.state();
  }

  /** Whether the stream is still moderated. */
  public boolean isActive() {
    return stop.get() == null;
  }

  public Instant openedAt() {
    return openedAt;
  }

  /** Ticker reading at opening, for whole seconds open without wall-clock jumps. */
  public long openedAtNanos() {
    return openedAtNanos;
  }

  /** When it stopped (closed or ended), or null while ACTIVE. */
  public Instant closedAt() {
    Stop stopped = stop.get();
    return stopped == null ? null : stopped.at();
  }
}
