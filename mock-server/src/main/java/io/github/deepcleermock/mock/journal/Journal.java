package io.github.deepcleermock.mock.journal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** The bounded request journal of one mock instance (vendor-side requests only; admin calls are not kept). */
public final class Journal {

  /** How much of a body is kept. */
  public static final int MAX_BODY_BYTES = 4096;
  public static final int DEFAULT_SIZE = 10_000;

  private final JournalSlots ring;
  private final JournalObserver observer;

  public Journal(int size) {
    this(size, JournalObserver.NONE);
  }

  /**
   * A journal that tells {@code observer} of every entry it records: every answered vendor request passes here
   * exactly once, whatever endpoint answered it, which is why metrics count here.
   */
  public Journal(int size, JournalObserver observer) {
    this.ring = new JournalSlots(size);
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /** Claims the sequence number for a request that is being answered. */
  public long claim() {
    return ring.claim();
  }

  /** Stores an entry under the sequence number it carries (its fields are copied; the entry is not kept). */
  public void record(JournalEntry entry) {
    ring.write(entry);
    observer.recorded(entry);
  }

  /**
   * A body cut to what the journal keeps (the array itself when it is exactly the body; callers never reuse it): at most
   * {@link #MAX_BODY_BYTES}, cut at a UTF-8 character boundary as admin-openapi.yaml promises, so the kept text
   * never ends in half a character.
   */
  public static byte[] keptBody(byte[] body, int length) {
    if (length == body.length && length <= MAX_BODY_BYTES) {
      // The transport reads every body into a fresh array of its exact size: keep that one, no copy.
      return body;
    }
    int kept = Math.min(length, MAX_BODY_BYTES);
    if (kept < length) {
      // body[kept] is the first byte left out; while it continues a character (10xxxxxx), that character began
      // inside the kept part and is dropped whole. Invalid UTF-8 stops after 3 steps like any 4-byte sequence.
      int floor = Math.max(0, kept - 3);
      while (kept > floor && (body[kept] & 0xC0) == 0x80) {
        kept--;
      }
    }
    return Arrays.copyOf(body, kept);
  }

  /** Entries matching the filter, newest first, at most {@code limit}. */
  public List<JournalEntry> find(Filter filter, int limit) {
    return ring.newestFirst(filter, limit);
  }

  /** Every retained entry, newest first. */
  public List<JournalEntry> all() {
    return ring.newestFirst(entry -> true, Integer.MAX_VALUE);
  }

  /** Empties the journal; sequence numbers keep rising. */
  public void clear() {
    ring.clear();
  }

  public int capacity() {
    return ring.capacity();
  }

  /** How many entries the journal holds now (at most {@link #capacity()}). */
  public int size() {
    return ring.retained();
  }

  /**
   * Journal query: each non-null field must equal the entry's.
   *
   * @param accessKey the entry's accessKey
   * @param requestId the entry's requestId
   * @param code the entry's code
   */
  public record Filter(String accessKey, String requestId, Integer code) implements Predicate<JournalEntry> {
    public static final Filter ALL = new Filter(null, null, null);

    @Override
    public boolean test(JournalEntry entry) {
      return (accessKey == null || accessKey.equals(entry.accessKey()))
          && (requestId == null || requestId.equals(entry.requestId()))
          && (code == null || Objects.equals(code, entry.code()));
    }
  }
}
