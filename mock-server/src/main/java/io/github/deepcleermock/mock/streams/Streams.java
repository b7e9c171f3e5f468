package io.github.deepcleermock.mock.streams;

import io.github.deepcleermock.mock.time.TimeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The stream tasks of one mock instance, indexed by requestId and by every dupRequestId, with each key's count of
 * ACTIVE streams kept in O(1) on every transition (open, close, end, removal, reset).
 *
 * <p>The vendor paths (close, submit) only read the index, flip a stream's state by compare-and-set and move
 * atomic counts: no lock. Admin-side writers (seeding, deleting, restoring) take this object's monitor so that an
 * id and its aliases enter and leave the index together.
 */
public final class Streams implements StreamStore {

  /** Stopped (CLOSED or ENDED) streams kept for re-close idempotency unless configured otherwise. */
  public static final int DEFAULT_ENDED_RETENTION = 10_000;

  private final TimeSource time;
  private final StreamOpenedListener opened;
  private final int endedRetention;
  private volatile Generation current;

  public Streams(TimeSource time) {
    this(time, StreamOpenedListener.NONE, DEFAULT_ENDED_RETENTION);
  }

  /**
   * @param opened told whenever a stream becomes ACTIVE
   * @param endedRetention how many stopped streams are kept, newest first (older ones become unknown ids)
   */
  public Streams(TimeSource time, StreamOpenedListener opened, int endedRetention) {
    this.time = Objects.requireNonNull(time, "time");
    this.opened = Objects.requireNonNull(opened, "opened");
    if (endedRetention < 0) {
      throw new IllegalArgumentException("endedStreams: must not be negative, was " + endedRetention);
    }
    this.endedRetention = endedRetention;
    this.current = new Generation(endedRetention);
  }

  /** The stream addressed by {@code id} (its requestId or one of its dupRequestIds), or null. */
  @Override
  public StreamRecord get(String id) {
    return current.byId.get(id);
  }

  /** ACTIVE streams of {@code accessKey}: a counter read, O(1). */
  @Override
  public int activeCount(String accessKey) {
    return current.activeCount(accessKey);
  }

  /** The ACTIVE stream of the same key moderating the same stream ({@link StreamSpec#dedupKey}), or null. */
  @Override
  public StreamRecord running(String dedupKey) {
    return current.running(dedupKey);
  }

  /**
   * Opens a submitted stream unless the same stream already runs for the key or {@code maxActive} streams of the
   * key are ACTIVE. Lock-free: the slot is a counter compare-and-set and the dedup key a concurrent-map claim, so
   * two racing submits of one stream open it once.
   */
  @Override
  public Submitted submit(StreamSpec spec, int maxActive) {
    Generation generation = current;
    String dedupKey = spec.dedupKey();
    if (dedupKey != null) {
      StreamRecord running = generation.running(dedupKey);
      if (running != null) {
        return new Submitted.Duplicate(running);
      }
    }
    AtomicInteger active = generation.activeOf(spec.accessKey());
    if (!Generation.tryReserve(active, maxActive)) {
      return new Submitted.LimitReached(active.get());
    }
    StreamRecord stream = new StreamRecord(spec, time.now(), time.nanoTime(), generation, active);
    if (generation.byId.putIfAbsent(spec.requestId(), stream) != null) {
      active.decrementAndGet();
      throw new IllegalStateException("fresh requestId " + spec.requestId() + " is already taken");
    }
    if (dedupKey != null) {
      StreamRecord winner = generation.claimDedupKey(dedupKey, stream);
      if (winner != stream) {
        generation.byId.remove(spec.requestId(), stream);
        active.decrementAndGet();
        return new Submitted.Duplicate(winner);
      }
    }
    opened.streamOpened(stream);
    return new Submitted.Opened(stream);
  }

  /**
   * Seeds a stream in the given state. Fails with {@link StreamConflictException} when one of its ids is taken or
   * when {@code maxActive} ACTIVE streams of the key already exist.
   */
  @Override
  public synchronized StreamRecord open(StreamSpec spec, StreamState state, int maxActive) {
    Generation generation = current;
    for (String id : Generation.ids(spec)) {
      StreamRecord holder = generation.byId.get(id);
      if (holder != null) {
        throw taken(spec, id, holder);
      }
    }
    if (state == StreamState.ACTIVE && !Generation.tryReserve(generation.activeOf(spec.accessKey()), maxActive)) {
      throw new StreamConflictException(
          "accessKey",
          "account '"
              + spec.accessKey()
              + "' already has "
              + generation.activeCount(spec.accessKey())
              + " ACTIVE streams, its maxStreams is "
              + maxActive);
    }
    return insert(generation, spec, state, true);
  }

  /**
   * Puts the stream in the given state whatever its previous state: a stream with the same requestId is replaced
   * (provider states force what they name; {@code maxStreams} is not checked). An id held by a different stream
   * is still a conflict.
   */
  @Override
  public synchronized StreamRecord force(StreamSpec spec, StreamState state) {
    checkForce(spec);
    Generation generation = current;
    StreamRecord previous = generation.byId.get(spec.requestId());
    if (previous != null) {
      removeFrom(generation, previous);
    }
    if (state == StreamState.ACTIVE) {
      generation.activeOf(spec.accessKey()).incrementAndGet();
    }
    return insert(generation, spec, state, true);
  }

  /** Fails with {@link StreamConflictException} if {@link #force} would: an id is held by a different stream. */
  @Override
  public synchronized void checkForce(StreamSpec spec) {
    for (String id : Generation.ids(spec)) {
      StreamRecord holder = current.byId.get(id);
      if (holder != null && !holder.requestId().equals(spec.requestId())) {
        throw taken(spec, id, holder);
      }
    }
  }

  /** Removes the stream addressed by {@code id} with all its ids (an ACTIVE one gives its slot back); false if none. */
  @Override
  public synchronized boolean remove(String id) {
    Generation generation = current;
    StreamRecord existing = generation.byId.get(id);
    if (existing == null) {
      return false;
    }
    removeFrom(generation, existing);
    return true;
  }

  /** Every stream once (not once per alias), sorted by requestId, filtered. */
  @Override
  public List<StreamRecord> list(Predicate<StreamRecord> filter) {
    Set<StreamRecord> distinct = new LinkedHashSet<>(current.byId.values());
    List<StreamRecord> result = new ArrayList<>();
    for (StreamRecord stream : distinct) {
      if (filter.test(stream)) {
        result.add(stream);
      }
    }
    result.sort(Comparator.comparing(StreamRecord::requestId));
    return result;
  }

  /** ACTIVE streams of {@code accessKey}. */
  public long countActive(String accessKey) {
    return activeCount(accessKey);
  }

  /** Replaces everything with the baseline streams, all ACTIVE again, in a new generation (counts start at 0). */
  @Override
  public synchronized List<StreamRecord> restore(List<StreamSpec> baseline) {
    Generation generation = new Generation(endedRetention);
    List<StreamRecord> inserted = new ArrayList<>(baseline.size());
    for (StreamSpec spec : baseline) {
      generation.activeOf(spec.accessKey()).incrementAndGet();
      inserted.add(insert(generation, spec, StreamState.ACTIVE, false));
    }
    current = generation;
    for (StreamRecord stream : inserted) {
      opened.streamOpened(stream);
    }
    return inserted;
  }

  /** Inserts a stream whose slot (if ACTIVE) is already counted. */
  private StreamRecord insert(Generation generation, StreamSpec spec, StreamState state, boolean announce) {
    Instant now = time.now();
    StreamRecord stream =
        new StreamRecord(spec, now, time.nanoTime(), generation, generation.activeOf(spec.accessKey()));
    if (state != StreamState.ACTIVE) {
      stream.startStopped(state, now);
    }
    for (String id : Generation.ids(spec)) {
      generation.byId.put(id, stream);
    }
    if (state == StreamState.ACTIVE) {
      String dedupKey = spec.dedupKey();
      if (dedupKey != null) {
        generation.claimDedupKey(dedupKey, stream);
      }
      if (announce) {
        opened.streamOpened(stream);
      }
    } else {
      generation.keepStopped(stream);
    }
    return stream;
  }

  private void removeFrom(Generation generation, StreamRecord stream) {
    generation.unindex(stream);
    stream.retire(time.now());
  }

  /** Names the field that holds the taken id, so the 409 says which one to change. */
  private static StreamConflictException taken(StreamSpec spec, String id, StreamRecord holder) {
    String field = id.equals(spec.requestId()) ? "requestId" : "dupRequestIds";
    return new StreamConflictException(field, "'" + id + "' is already taken by stream '" + holder.requestId() + "'");
  }
}
