package io.github.deepcleermock.mock.streams;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One stream task at run time: its submitted fields and whether (and when, and by whom) it stopped.
 *
 * <p>Leaving ACTIVE (close, end, removal) is one compare-and-set on {@code stop}, so concurrent closes and ends of
 * one stream, through any of its ids, make exactly one transition: only the winner fires the end callback and
 * gives the account's slot back.
 *
 * <p>A mock may hold hundreds of thousands of open streams, and each one is copied by the collector as it survives:
 * the record keeps its fields flat (a compare-and-set through a {@link VarHandle}, the opening time as numbers)
 * rather than in helper objects of its own.
 */
public final class StreamRecord {

  /**
   * How a stream stopped.
   *
   * @param state CLOSED or ENDED
   * @param at when
   */
  public record Stopped(StreamState state, Instant at) {}

  /** Decides the transitions of a record held by a store several instances share. */
  public interface SharedTransitions {
    /**
     * Makes the transition in the shared store in one atomic step.
     *
     * @return null when this call made it, else how the stream had already stopped there
     * @throws io.github.deepcleermock.mock.store.StoreUnavailableException when the store cannot be asked
     */
    Stopped leave(StreamRecord stream, StreamState to, Instant at, boolean retain);
  }

  private static final VarHandle STOP;
  private static final VarHandle SIMULATION;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STOP = lookup.findVarHandle(StreamRecord.class, "stop", Stopped.class);
      SIMULATION = lookup.findVarHandle(StreamRecord.class, "simulation", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final StreamSpec spec;
  private final long openedAtSecond;
  private final int openedAtNano;
  private final long openedAtNanos;
  /** Null while ACTIVE; set once, by compare-and-set. */
  private volatile Stopped stop;
  /** The simulation's state of this stream, kept here so that it lives exactly as long as the record. */
  private volatile Object simulation;
  private final Generation owner;
  private final AtomicInteger activeOfKey;
  private final SharedTransitions shared;

  StreamRecord(StreamSpec spec, Instant openedAt, long openedAtNanos, Generation owner, AtomicInteger activeOfKey) {
    this(spec, openedAt, openedAtNanos, owner, activeOfKey, null);
  }

  private StreamRecord(
      StreamSpec spec,
      Instant openedAt,
      long openedAtNanos,
      Generation owner,
      AtomicInteger activeOfKey,
      SharedTransitions shared) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.openedAtSecond = openedAt.getEpochSecond();
    this.openedAtNano = openedAt.getNano();
    this.openedAtNanos = openedAtNanos;
    this.owner = owner;
    this.activeOfKey = activeOfKey;
    this.shared = shared;
  }

  /**
   * A record of a shared store, as the store last said it was: its transitions are decided by {@code transitions}
   * (one atomic step in the store), this object only remembers the outcome.
   *
   * @param stopped how it had stopped, or null while ACTIVE
   */
  public static StreamRecord shared(
      StreamSpec spec, Instant openedAt, long openedAtNanos, Stopped stopped, SharedTransitions transitions) {
    StreamRecord stream =
        new StreamRecord(spec, openedAt, openedAtNanos, null, null, Objects.requireNonNull(transitions));
    stream.stop = stopped;
    return stream;
  }

  /**
   * Records a transition the shared store made elsewhere (another instance closed, ended or removed the stream);
   * true if this record still thought it ACTIVE.
   */
  public boolean observeStopped(StreamState state, Instant at) {
    return STOP.compareAndSet(this, null, new Stopped(state, at));
  }

  /** Whether the record lives in a store shared by several instances. */
  public boolean isShared() {
    return shared != null;
  }

  /** The spec's dedup key, computed once. */
  String dedupKey() {
    return spec.dedupKey();
  }

  /** Closes the stream at {@code at} (a close call); true only for the one call that made the transition. */
  public boolean close(Instant at) {
    return leave(StreamState.CLOSED, at, true);
  }

  /** Ends the stream at {@code at} (the service stopped it); true only for the one call that made the transition. */
  public boolean end(Instant at) {
    return leave(StreamState.ENDED, at, true);
  }

  /** Leaves ACTIVE because the stream was removed from the index (memory only); it is not kept among the stopped. */
  boolean retire(Instant at) {
    return leave(StreamState.CLOSED, at, false);
  }

  /** Seeded stopped: never ACTIVE, so no slot to give back. */
  void startStopped(StreamState state, Instant at) {
    stop = new Stopped(state, at);
  }

  private boolean leave(StreamState state, Instant at, boolean retain) {
    if (shared != null) {
      return leaveShared(state, at, retain);
    }
    if (!STOP.compareAndSet(this, null, new Stopped(state, Objects.requireNonNull(at, "at")))) {
      return false;
    }
    activeOfKey.decrementAndGet();
    owner.left(this, retain);
    return true;
  }

  private boolean leaveShared(StreamState state, Instant at, boolean retain) {
    Stopped already = shared.leave(this, state, Objects.requireNonNull(at, "at"), retain);
    if (already != null) {
      STOP.compareAndSet(this, null, already);
      return false;
    }
    stop = new Stopped(state, at);
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
    Stopped stopped = stop;
    return stopped == null ? StreamState.ACTIVE : stopped.state();
  }

  /** Whether the stream is still moderated. */
  public boolean isActive() {
    return stop == null;
  }

  public Instant openedAt() {
    return Instant.ofEpochSecond(openedAtSecond, openedAtNano);
  }

  /** Ticker reading at opening, for whole seconds open without wall-clock jumps. */
  public long openedAtNanos() {
    return openedAtNanos;
  }

  /** When it stopped (closed or ended), or null while ACTIVE. */
  public Instant closedAt() {
    Stopped stopped = stop;
    return stopped == null ? null : stopped.at();
  }

  /**
   * What the simulation keeps for this stream, or null. Wiring between the streams and simulation packages (public
   * only because they are two packages), not for tests to read or set.
   */
  public Object simulation() {
    return simulation;
  }

  /** Sets what the simulation keeps for this stream; the previous value, or null. Wiring, as {@link #simulation()}. */
  public Object swapSimulation(Object state) {
    return SIMULATION.getAndSet(this, state);
  }
}
