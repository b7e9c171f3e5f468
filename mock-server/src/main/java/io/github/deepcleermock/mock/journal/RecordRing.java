package io.github.deepcleermock.mock.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * A bounded, lock-free ring of records: writers claim a slot with one atomic increment and overwrite the oldest
 * record, so memory stays flat however long the mock runs and no writer waits for another.
 *
 * <p>A reader may miss a record being written at that instant (its slot still holds the previous one, which the
 * sequence check discards); that is the price of never locking the hot path. Clearing moves a floor instead of
 * touching the slots, so sequence numbers keep rising across clears.
 *
 * @param <T> the record type
 */
public final class RecordRing<T> {

  private final int capacity;
  private final AtomicReferenceArray<Slot<T>> slots;
  private final AtomicLong nextSeq = new AtomicLong(1);
  private volatile long floor = 1;

  public RecordRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.slots = new AtomicReferenceArray<>(capacity);
  }

  /** Claims the next sequence number (1, 2, …). */
  public long claim() {
    return nextSeq.getAndIncrement();
  }

  /** Stores {@code record} under a sequence number from {@link #claim()}. */
  public void put(long seq, T record) {
    slots.set((int) ((seq - 1) % capacity), new Slot<>(seq, record));
  }

  /** Claims a sequence number and stores the record under it; returns the number. */
  public long add(T record) {
    long seq = claim();
    put(seq, record);
    return seq;
  }

  /** Up to {@code limit} records matching {@code filter}, newest first. */
  public List<T> newestFirst(Predicate<T> filter, int limit) {
    List<T> result = new ArrayList<>();
    long newest = nextSeq.get() - 1;
    long oldest = Math.max(floor, newest - capacity + 1);
    for (long seq = newest; seq >= oldest && result.size() < limit; seq--) {
      Slot<T> slot = slots.get((int) ((seq - 1) % capacity));
      if (slot != null && slot.seq == seq && filter.test(slot.record)) {
        result.add(slot.record);
      }
    }
    return result;
  }

  /** All retained records, oldest first. */
  public List<T> oldestFirst(Predicate<T> filter) {
    List<T> newest = newestFirst(filter, Integer.MAX_VALUE);
    List<T> result = new ArrayList<>(newest.size());
    for (int i = newest.size() - 1; i >= 0; i--) {
      result.add(newest.get(i));
    }
    return result;
  }

  /** Hides every record stored so far; later records are numbered on. */
  public void clear() {
    floor = nextSeq.get();
  }

  /** How many records the ring keeps. */
  public int capacity() {
    return capacity;
  }

  private record Slot<T>(long seq, T record) {}
}
