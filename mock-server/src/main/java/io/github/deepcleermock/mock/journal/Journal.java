package io.github.deepcleermock.mock.journal;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The bounded request journal the vendor endpoints write (vendor-side requests only; admin calls are not kept): in
 * this process's memory ({@link MemoryJournal}) or shared by a group of instances (the Redis store's).
 *
 * <p>{@link #claim()} and {@link #record(JournalEntry)} run on the vendor endpoints' request threads: an
 * implementation must neither block nor throw there.
 */
public interface Journal extends RequestJournal {

  /** How much of a body is kept. */
  int MAX_BODY_BYTES = 4096;

  /** Entries kept by default ({@code --journal-size}). */
  int DEFAULT_SIZE = 10_000;

  /** At most this many UTF-8 bytes of an entry's accessKey and of its requestId are kept. */
  int MAX_FIELD_BYTES = JournalSlots.MAX_FIELD_BYTES;

  /** At most this many characters of an entry's path are kept. */
  int MAX_PATH_CHARS = JournalSlots.MAX_PATH_CHARS;

  /** Claims the sequence number for a request that is being answered (a shared journal numbers at write time). */
  long claim();

  /** Stores an entry (its fields are copied, capped as the journal promises; the entry is not kept). */
  void record(JournalEntry entry);

  /** How many entries the journal holds now (at most {@link #capacity()}). */
  int size();

  /**
   * Entries this instance could not write (a shared journal whose store was unreachable or too slow); always 0 in
   * memory. Counted since start, never reset.
   */
  default long dropped() {
    return 0;
  }

  /**
   * A body cut to what the journal keeps (the array itself when it is exactly the body; callers never reuse it): at
   * most {@link #MAX_BODY_BYTES}, cut at a UTF-8 character boundary as admin-openapi.yaml promises, so the kept text
   * never ends in half a character.
   */
  static byte[] keptBody(byte[] body, int length) {
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

  /**
   * The most heap a memory journal of {@code capacity} entries can hold, whatever the requests (see README "Request
   * journal"): every slot at its caps.
   */
  static long worstCaseBytes(int capacity) {
    return JournalSlots.worstCaseBytes(capacity);
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
  record Filter(String accessKey, String requestId, Integer code, String path) implements Predicate<JournalEntry> {
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
