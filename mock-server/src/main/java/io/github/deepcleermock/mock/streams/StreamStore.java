package io.github.deepcleermock.mock.streams;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where the stream tasks live: this process's memory ({@link Streams}) or a store shared by several instances. The
 * pipelines, the simulation, provider states and the admin API reach streams only through this interface.
 *
 * <p>Every method that changes state does it in one atomic step of the store, and a transition out of ACTIVE
 * ({@link StreamRecord#close}, {@link StreamRecord#end}) is made exactly once whichever instance asks. A store that
 * cannot be reached throws {@link io.github.deepcleermock.mock.store.StoreUnavailableException} and changes nothing.
 */
public interface StreamStore {

  /** The stream addressed by {@code id} (its requestId or one of its dupRequestIds), or null. */
  StreamRecord get(String id);

  /** The stream addressed by {@code id}, if any. */
  default Optional<StreamRecord> find(String id) {
    return Optional.ofNullable(get(id));
  }

  /** ACTIVE streams of {@code accessKey}. */
  int activeCount(String accessKey);

  /** The ACTIVE stream of the same key moderating the same stream ({@link StreamSpec#dedupKey}), or null. */
  StreamRecord running(String dedupKey);

  /**
   * Opens a submitted stream unless the same stream already runs for the key or {@code maxActive} streams of the
   * key are ACTIVE; the three checks and the opening are one atomic step.
   */
  Submitted submit(StreamSpec spec, int maxActive);

  /**
   * Seeds a stream in the given state.
   *
   * @throws StreamConflictException when one of its ids is taken or {@code maxActive} ACTIVE streams of the key
   *     already exist
   */
  StreamRecord open(StreamSpec spec, StreamState state, int maxActive);

  /**
   * Puts the stream in the given state whatever its previous state: a stream with the same requestId is replaced
   * ({@code maxStreams} is not checked).
   *
   * @throws StreamConflictException when an id is held by a different stream
   */
  StreamRecord force(StreamSpec spec, StreamState state);

  /** Fails with {@link StreamConflictException} if {@link #force} would: an id is held by a different stream. */
  void checkForce(StreamSpec spec);

  /** Removes the stream addressed by {@code id} with all its ids (an ACTIVE one gives its slot back); false if none. */
  boolean remove(String id);

  /** Every stream once (not once per alias), sorted by requestId, filtered. */
  List<StreamRecord> list(Predicate<StreamRecord> filter);

  /**
   * Replaces every stream with the baseline streams, all ACTIVE (a reset).
   *
   * @return the baseline streams as opened (this instance's simulation runs them)
   */
  List<StreamRecord> restore(List<StreamSpec> baseline);

  /**
   * Puts the baseline in place as an instance starts: in memory the same as {@link #restore}; a shared store keeps
   * what the group already holds and adds the baseline streams it lacks.
   *
   * @return the streams this instance opened (its simulation runs them)
   */
  default List<StreamRecord> startWith(List<StreamSpec> baseline) {
    return restore(baseline);
  }

  /**
   * Keeps the script a stream's simulation plays ({@code scriptJson}), so that another instance ending the stream
   * reports what this one saw; memory has nothing to share.
   */
  default void keepScript(StreamRecord stream, String scriptJson) {}

  /** The script kept by {@link #keepScript}, or null. */
  default String keptScript(StreamRecord stream) {
    return null;
  }

  /** Tells {@code events} what other instances sharing the store do to this instance's streams; memory has none. */
  default void listen(GroupEvents events) {}

  /** What a submit did: opened a stream, found the one already running, or found the key's slots all taken. */
  sealed interface Submitted {
    /** A new ACTIVE stream. */
    record Opened(StreamRecord stream) implements Submitted {}

    /** The ACTIVE stream that already moderates this stream; nothing was opened. */
    record Duplicate(StreamRecord running) implements Submitted {}

    /** The key already has {@code active} ACTIVE streams, its maximum; nothing was opened. */
    record LimitReached(int active) implements Submitted {}
  }
}
