package io.github.deepcleermock.mock.journal;

import java.util.List;
import java.util.Objects;

/**
 * The request journal in this process's memory (the memory store's): preallocated seqlock slots, bounded in entries
 * and in bytes.
 */
public final class MemoryJournal implements Journal {

  private final JournalSlots ring;
  private final JournalObserver observer;

  public MemoryJournal(int size) {
    this(size, JournalObserver.NONE);
  }

  /**
   * A journal that tells {@code observer} of every entry it records: every answered vendor request passes here
   * exactly once, whatever endpoint answered it, which is why metrics count here.
   */
  public MemoryJournal(int size, JournalObserver observer) {
    this.ring = new JournalSlots(size);
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  @Override
  public long claim() {
    return ring.claim();
  }

  /** Stores an entry under the sequence number it carries (its fields are copied; the entry is not kept). */
  @Override
  public void record(JournalEntry entry) {
    ring.write(entry);
    observer.recorded(entry);
  }

  /** Entries matching the filter, newest first, at most {@code limit}. */
  @Override
  public List<JournalEntry> find(Filter filter, int limit) {
    return ring.newestFirst(filter, limit);
  }

  /** Every retained entry, newest first. */
  @Override
  public List<JournalEntry> all() {
    return ring.newestFirst(entry -> true, Integer.MAX_VALUE);
  }

  /** Empties the journal and gives back buffers grown for large entries; sequence numbers keep rising. */
  @Override
  public void clear() {
    ring.clear();
  }

  @Override
  public int capacity() {
    return ring.capacity();
  }

  @Override
  public int size() {
    return ring.retained();
  }

  /** Bytes the entries' request-sized parts (field, path and body buffers, reasons) hold now. */
  public long variableBytes() {
    return ring.variableBytes();
  }

  /** What {@link #variableBytes()} can reach at most for this journal. */
  public long maxVariableBytes() {
    return (long) ring.capacity() * JournalSlots.MAX_VARIABLE_SLOT_BYTES;
  }
}
