package io.github.deepcleermock.mock.streams;

import io.github.deepcleermock.mock.time.TimeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The stream tasks of one mock instance, indexed by requestId and by every dupRequestId.
 *
 * <p>The close path only reads the index and flips a stream's state by compare-and-set. Writers (seeding,
 * deleting, restoring; admin-side only) take this object's monitor so that an id and its aliases enter and leave
 * the index together. A restore builds the baseline index aside and swaps it in with one volatile write: a close
 * racing a reset finds its stream in the old index or the new one, never in an emptied one.
 */
public final class Streams {

  private final TimeSource time;
  /** Replaced whole by {@link #restore}; changed in place only under this object's monitor. */
  private volatile Map<String, StreamRecord> byId = new ConcurrentHashMap<>();

  public Streams(TimeSource time) {
    this.time = Objects.requireNonNull(time, "time");
  }

  /** The stream addressed by {@code id} (its requestId or one of its dupRequestIds), or null. */
  public StreamRecord get(String id) {
    return byId.get(id);
  }

  /** The stream addressed by {@code id}, if any. */
  public Optional<StreamRecord> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Seeds a stream in the given state. Fails with {@link StreamConflictException} when one of its ids is taken or
   * when {@code maxActive} ACTIVE streams of the key already exist.
   */
  public synchronized StreamRecord open(StreamSpec spec, StreamState state, int maxActive) {
    for (String id : ids(spec)) {
      StreamRecord holder = byId.get(id);
      if (holder != null) {
        throw taken(spec, id, holder);
      }
    }
    if (state == StreamState.ACTIVE) {
      long active = countActive(spec.accessKey());
      if (active >= maxActive) {
        throw new StreamConflictException(
            "accessKey",
            "account '"
                + spec.accessKey()
                + "' already has "
                + active
                + " ACTIVE streams, its maxStreams is "
                + maxActive);
      }
    }
    return insert(spec, state);
  }

  /**
   * Puts the stream in the given state whatever its previous state: a stream with the same requestId is replaced
   * (provider states force what they name; {@code maxStreams} is not checked). An id held by a different stream
   * is still a conflict.
   */
  public synchronized StreamRecord force(StreamSpec spec, StreamState state) {
    checkForce(spec);
    StreamRecord previous = byId.get(spec.requestId());
    if (previous != null) {
      unindex(previous);
    }
    return insert(spec, state);
  }

  /** Fails with {@link StreamConflictException} if {@link #force} would: an id is held by a different stream. */
  public synchronized void checkForce(StreamSpec spec) {
    for (String id : ids(spec)) {
      StreamRecord holder = byId.get(id);
      if (holder != null && !holder.requestId().equals(spec.requestId())) {
        throw taken(spec, id, holder);
      }
    }
  }

  /** Removes the stream addressed by {@code id} with all its ids; false if none. */
  public synchronized boolean remove(String id) {
    StreamRecord existing = byId.get(id);
    if (existing == null) {
      return false;
    }
    unindex(existing);
    return true;
  }

  /** Every stream once (not once per alias), oldest first, filtered. */
  public List<StreamRecord> list(Predicate<StreamRecord> filter) {
    Set<StreamRecord> distinct = new LinkedHashSet<>(byId.values());
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
    return list(s -> s.accessKey().equals(accessKey) && s.state() == StreamState.ACTIVE).size();
  }

  /** Replaces everything with the baseline streams, all ACTIVE again. */
  public synchronized void restore(List<StreamSpec> baseline) {
    Map<String, StreamRecord> fresh = new ConcurrentHashMap<>();
    for (StreamSpec spec : baseline) {
      insert(fresh, spec, StreamState.ACTIVE);
    }
    byId = fresh;
  }

  private StreamRecord insert(StreamSpec spec, StreamState state) {
    return insert(byId, spec, state);
  }

  private StreamRecord insert(Map<String, StreamRecord> index, StreamSpec spec, StreamState state) {
    Instant now = time.now();
    StreamRecord stream = new StreamRecord(spec, now, time.nanoTime());
    if (state == StreamState.CLOSED) {
      stream.close(now);
    }
    for (String id : ids(spec)) {
      index.put(id, stream);
    }
    return stream;
  }

  private void unindex(StreamRecord stream) {
    for (String id : ids(stream.spec())) {
      byId.remove(id, stream);
    }
  }

  /** Names the field that holds the taken id, so the 409 says which one to change. */
  private static StreamConflictException taken(StreamSpec spec, String id, StreamRecord holder) {
    String field = id.equals(spec.requestId()) ? "requestId" : "dupRequestIds";
    return new StreamConflictException(field, "'" + id + "' is already taken by stream '" + holder.requestId() + "'");
  }

  private static List<String> ids(StreamSpec spec) {
    List<String> ids = new ArrayList<>(1 + spec.dupRequestIds().size());
    ids.add(spec.requestId());
    ids.addAll(spec.dupRequestIds());
    return ids;
  }
}
