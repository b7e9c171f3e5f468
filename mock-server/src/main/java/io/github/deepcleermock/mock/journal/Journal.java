package io.github.deepcleermock.mock.journal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** The bounded request journal of one mock instance (vendor-side requests only; admin calls are not kept). */
public final class Journal implements RequestJournal {

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

  /** How many entries the journal holds now (at most {@link #capacity()}). */
  public int size() {
    return ring.retained();
  }

  /** At most this many UTF-8 bytes of an entry's accessKey and of its requestId are kept. */
  public static final int MAX_FIELD_BYTES = JournalSlots.MAX_FIELD_BYTES;

  /** At most this many characters of an entry's path are kept. */
  public static final int MAX_PATH_CHARS = JournalSlots.MAX_PATH_CHARS;

  /**
   * The most heap a journal of {@code capacity} entries can hold, whatever the requests (see README "Request
   * journal"): every slot at its caps.
   */
  public static long worstCaseBytes(int capacity) {
    return JournalSlots.worstCaseBytes(capacity);
  }

  /** Bytes the entries' request-sized parts (field, path and body buffers, reasons) hold now. */
  public long variableBytes() {
    return ring.variableBytes();
  }

  /** What {@link #variableBytes()} can reach at most for this journal. */
  public long maxVariableBytes() {
    return (long) ring.capacity() * JournalSlots.MAX_VARIABLE_SLOT_BYTES;
  }

  /**
   * Journal query: each non-null field must equal the entry's. Build one by name, starting from {@link #ALL}:
   * {@code Filter.ALL.withAccessKey("k").withCode(1903)}.
   *
   * @param accessKey the entry's accessKey
   * @param requestId the entry's requestId
   * @param code the entry's code
   * @param path the entry's request path (e.g. {@code /videostream/v4})
   */
  public record Filter(String accessKey, String requestId, Integer code, String path)
      implements Predicate<JournalEntry> {
    /** Every entry. */
    public static final Filter ALL = new Filter(null, null, null, null);

    /** Only entries of this access key (null: any). */
    public Filter withAccessKey(String accessKey) {
      return new Filter(accessKey, requestId, code, path);
    }

    /** Only entries for this requestId (null: any). */
    public Filter withRequestId(String requestId) {
      return new Filter(accessKey, requestId, code, path);
    }

    /** Only entries answered with this code (null: any). */
    public Filter withCode(Integer code) {
      return new Filter(accessKey, requestId, code, path);
    }

    /** Only entries of this request path, e.g. {@code /videostream/v4} (null: any). */
    public Filter withPath(String path) {
      return new Filter(accessKey, requestId, code, path);
    }

    @Override
    public boolean test(JournalEntry entry) {
      return (path == null || path.equals(entry.path()))
          && (accessKey == null || accessKey.equals(entry.accessKey()))
          && (requestId == null || requestId.equals(entry.requestId()))
          && (code == null || Objects.equals(code, entry.code()));
    }
  }
}
