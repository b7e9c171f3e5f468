package io.github.deepcleermock.mock.streams;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One stream task at run time: its submitted fields and whether (and when) it was closed.
 *
 * <p>The ACTIVE → CLOSED transition is a compare-and-set on {@code closedAt}, so concurrent closes of one stream,
 * through any of its ids, make exactly one transition and only the winner fires the end callback.
 */
public final class StreamRecord {

  private final StreamSpec spec;
  private final Instant openedAt;
  private final long openedAtNanos;
  private final AtomicReference<Instant> closedAt = new AtomicReference<>();

  StreamRecord(StreamSpec spec, Instant openedAt, long openedAtNanos) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
    this.openedAtNanos = openedAtNanos;
  }

  /** Closes the stream at {@code at}; true only for the one call that made the transition. */
  public boolean close(Instant at) {
    return closedAt.compareAndSet(null, Objects.requireNonNull(at, "at"));
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
    return closedAt.get() == null ? StreamState.ACTIVE : StreamState.CLOSED;
  }

  public Instant openedAt() {
    return openedAt;
  }

  /** Ticker reading at opening, for whole seconds open without wall-clock jumps. */
  public long openedAtNanos() {
    return openedAtNanos;
  }

  /** When it was closed, or null while ACTIVE. */
  public Instant closedAt() {
    return closedAt.get();
  }
}
