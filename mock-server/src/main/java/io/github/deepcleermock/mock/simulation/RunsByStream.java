package io.github.deepcleermock.mock.simulation;

import io.github.deepcleermock.mock.streams.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Each stream's simulation run, by stream record (identity), weakly: a stream forgotten by the index takes its run
 * with it, while ended streams that are still kept keep theirs, so their media links resolve.
 *
 * <p>Striped by the record's identity hash, each stripe guarded by itself: one lock for all streams made every
 * submit queue behind every other (on one core the submit benchmark spent a second in ten blocked on it).
 */
final class RunsByStream<R> {

  private static final int STRIPES = 64;

  private final List<Map<StreamRecord, R>> stripes = new ArrayList<>(STRIPES);

  RunsByStream() {
    for (int i = 0; i < STRIPES; i++) {
      stripes.add(new WeakHashMap<>());
    }
  }

  /** Sets the run of {@code stream}; the run it had, or null. */
  R put(StreamRecord stream, R run) {
    Map<StreamRecord, R> stripe = stripeOf(stream);
    synchronized (stripe) {
      return stripe.put(stream, run);
    }
  }

  /** The run of {@code stream}, or null. */
  R get(StreamRecord stream) {
    Map<StreamRecord, R> stripe = stripeOf(stream);
    synchronized (stripe) {
      return stripe.get(stream);
    }
  }

  /** Forgets the run of {@code stream}; the run it had, or null. */
  R remove(StreamRecord stream) {
    Map<StreamRecord, R> stripe = stripeOf(stream);
    synchronized (stripe) {
      return stripe.remove(stream);
    }
  }

  /** Forgets every run; the runs there were (a run put meanwhile into a stripe already emptied stays). */
  List<R> clear() {
    List<R> all = new ArrayList<>();
    for (Map<StreamRecord, R> stripe : stripes) {
      synchronized (stripe) {
        all.addAll(stripe.values());
        stripe.clear();
      }
    }
    return all;
  }

  private Map<StreamRecord, R> stripeOf(StreamRecord stream) {
    return stripes.get(System.identityHashCode(stream) & (STRIPES - 1));
  }
}
