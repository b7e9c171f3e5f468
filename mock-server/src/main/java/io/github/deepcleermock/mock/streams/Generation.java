package io.github.deepcleermock.mock.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The streams between two resets: the id index, each key's count of ACTIVE streams, the index of running streams
 * by dedup key, and the ended streams in the order they stopped (the oldest forgotten past the retention).
 *
 * <p>A reset swaps in a new generation, so a submit racing a reset lands in the old one and is forgotten with it,
 * and no count ever mixes two generations. All maps are concurrent; the vendor paths take no lock here.
 */
final class Generation {

  final Map<String, StreamRecord> byId = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> activeByKey = new ConcurrentHashMap<>();
  private final Map<String, StreamRecord> runningByDedupKey = new ConcurrentHashMap<>();
  private final Queue<StreamRecord> stopped = new ConcurrentLinkedQueue<>();
  private final AtomicInteger stoppedCount = new AtomicInteger();
  private final int endedRetention;

  Generation(int endedRetention) {
    this.endedRetention = endedRetention;
  }

  /** The count of ACTIVE streams of {@code accessKey}, created at zero. */
  AtomicInteger activeOf(String accessKey) {
    AtomicInteger count = activeByKey.get(accessKey);
    return count != null ? count : activeByKey.computeIfAbsent(accessKey, k -> new AtomicInteger());
  }

  int activeCount(String accessKey) {
    AtomicInteger count = activeByKey.get(accessKey);
    return count == null ? 0 : count.get();
  }

  /** Takes one of the key's slots unless {@code max} are taken; O(1), lock-free. */
  static boolean tryReserve(AtomicInteger count, int max) {
    while (true) {
      int now = count.get();
      if (now >= max) {
        return false;
      }
      if (count.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  StreamRecord running(String dedupKey) {
    StreamRecord stream = runningByDedupKey.get(dedupKey);
    return stream != null && stream.isActive() ? stream : null;
  }

  /** Registers {@code stream} as the running one for its key, or returns the ACTIVE stream that already is. */
  StreamRecord claimDedupKey(String dedupKey, StreamRecord stream) {
    return runningByDedupKey.compute(dedupKey, (k, old) -> old != null && old.isActive() ? old : stream);
  }

  /** Called exactly once when {@code stream} leaves ACTIVE (its slot is already given back). */
  void left(StreamRecord stream, boolean retain) {
    String dedupKey = stream.dedupKey();
    if (dedupKey != null) {
      runningByDedupKey.remove(dedupKey, stream);
    }
    if (retain) {
      keepStopped(stream);
    }
  }

  /** Keeps a stopped stream for re-close idempotency; past the retention the oldest stopped one is forgotten. */
  void keepStopped(StreamRecord stream) {
    stopped.add(stream);
    if (stoppedCount.incrementAndGet() > endedRetention) {
      StreamRecord oldest = stopped.poll();
      if (oldest != null) {
        stoppedCount.decrementAndGet();
        // Lock-free: remove(id, oldest) only drops ids still held by that stream (a re-seeded id is kept).
        unindex(oldest);
      }
    }
  }

  void unindex(StreamRecord stream) {
    for (String id : ids(stream.spec())) {
      byId.remove(id, stream);
    }
  }

  static List<String> ids(StreamSpec spec) {
    List<String> ids = new ArrayList<>(1 + spec.dupRequestIds().size());
    ids.add(spec.requestId());
    ids.addAll(spec.dupRequestIds());
    return ids;
  }
}
