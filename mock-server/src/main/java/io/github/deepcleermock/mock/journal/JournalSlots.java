package io.github.deepcleermock.mock.journal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The journal's storage: a fixed ring of slots allocated once, into which each request's fields are copied.
 *
 * <p>Why not a ring of entry objects: 10 000 entries that each live for the last 10 000 requests are exactly what a
 * young collection has to copy, every time (measured: 5 ms young pauses with the journal full against 0.5 ms with it
 * off, which set the mock's p99 under load). Slots are allocated at start, move to the old generation once, and
 * are then only overwritten with primitives and bytes, which a young collection never copies.
 *
 * <p>Memory is bounded in bytes, not only in entries: what a request can make a slot hold is capped (accessKey and
 * requestId at {@link #MAX_FIELD_BYTES} UTF-8 bytes, the path at {@link #MAX_PATH_CHARS} characters, the body at
 * {@link Journal#MAX_BODY_BYTES}), a cut field is named in the entry's truncated fields, and buffers grown for a
 * large entry are given back when a small one overwrites it or the journal is cleared.
 *
 * <p>Concurrency: writers claim distinct sequence numbers from one atomic, so two writers meet in a slot only if the
 * ring wraps during a write. Each slot is a seqlock whose {@code seq} is also the writers' lock: a writer swaps the
 * complete value for its own number negated (compare-and-set), writes the fields and publishes its number; a second
 * writer waits for the first (or gives up if the slot already holds a newer entry). Without that exclusion two
 * writers interleaved their fields and the later one published the mix as complete (a reader saw seq 51192 with
 * requestId r39080). A reader copies the fields and keeps the copy only if {@code seq} was the same, complete value
 * before and after. Readers never block writers; a slot being rewritten is simply skipped.
 */
final class JournalSlots {

  /** At most this many UTF-8 bytes of an accessKey or requestId are kept (valid ones need at most 80 and 128). */
  static final int MAX_FIELD_BYTES = 128;
  /** At most this many characters of a path are kept (the vendor's paths have 22). */
  static final int MAX_PATH_CHARS = 256;
  /** Body buffer of a fresh slot; real close bodies fit. A slot that grew for a larger body shrinks back to this. */
  static final int SMALL_BODY_BYTES = 128;

  static final int TRUNCATED_ACCESS_KEY = 1;
  static final int TRUNCATED_REQUEST_ID = 2;
  static final int TRUNCATED_PATH = 4;

  private static final VarHandle SEQ;

  static {
    try {
      SEQ = MethodHandles.lookup().findVarHandle(Slot.class, "seq", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Slot[] slots;
  private final AtomicLong nextSeq = new AtomicLong(1);
  private volatile long floor = 1;

  JournalSlots(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    slots = new Slot[capacity];
    for (int i = 0; i < capacity; i++) {
      slots[i] = new Slot();
    }
  }

  long claim() {
    return nextSeq.getAndIncrement();
  }

  void write(JournalEntry entry) {
    slotOf(entry.seq()).write(entry);
  }

  List<JournalEntry> newestFirst(Predicate<JournalEntry> filter, int limit) {
    List<JournalEntry> result = new ArrayList<>();
    long newest = nextSeq.get() - 1;
    long oldest = Math.max(floor, newest - slots.length + 1);
    for (long seq = newest; seq >= oldest && result.size() < limit; seq--) {
      JournalEntry entry = slotOf(seq).read(seq);
      if (entry != null && filter.test(entry)) {
        result.add(entry);
      }
    }
    return result;
  }

  /** Hides every entry and gives back the slots' grown buffers (a slot being written keeps its own). */
  void clear() {
    floor = nextSeq.get();
    for (Slot slot : slots) {
      slot.shrink();
    }
  }

  int capacity() {
    return slots.length;
  }

  int retained() {
    long claimed = nextSeq.get() - floor;
    return (int) Math.max(0, Math.min(claimed, slots.length));
  }

  /**
   * Bytes the slots' variable parts hold now: the field buffers, the body buffers and the characters of stored
   * strings (what requests can make grow; the fixed part of a slot is in {@link #FIXED_SLOT_BYTES}).
   */
  long variableBytes() {
    long total = 0;
    for (Slot slot : slots) {
      total += slot.variableBytes();
    }
    return total;
  }

  /**
   * An upper bound of one slot's fixed part on a 64-bit JVM without compressed pointers: the slot object (16 header
   * + 20 fields of at most 8 bytes), and the headers of its three arrays (16 each).
   */
  static final long FIXED_SLOT_BYTES = 16 + 20 * 8 + 3 * 16;

  /**
   * The most one slot's variable parts can hold: two field buffers at the cap, a full body buffer, a path at the
   * cap in UTF-16 with its String and array headers, and a reason of the longest kind the mock writes (under 512
   * characters, UTF-16).
   */
  static final long MAX_VARIABLE_SLOT_BYTES =
      2L * MAX_FIELD_BYTES + Journal.MAX_BODY_BYTES + (2L * MAX_PATH_CHARS + 40) + (2L * 512 + 40);

  /** The journal's worst case in bytes for {@code capacity} entries. */
  static long worstCaseBytes(int capacity) {
    return (long) capacity * (FIXED_SLOT_BYTES + MAX_VARIABLE_SLOT_BYTES) + 16L + 8L * capacity;
  }

  private Slot slotOf(long seq) {
    return slots[(int) ((seq - 1) % slots.length)];
  }

  /** One journal entry's fields, overwritten in place. Strings that come from requests are kept as UTF-8 bytes. */
  private static final class Slot {
    private static final int NULL = -1;

    /** The entry's number when complete, its number negated while a writer holds the slot, 0 when never written. */
    @SuppressWarnings("unused") // accessed through SEQ
    private volatile long seq;
    private long epochNanos;
    private String method;
    private String path;
    private byte[] accessKey = new byte[32];
    private int accessKeyLength = NULL;
    private byte[] requestId = new byte[64];
    private int requestIdLength = NULL;
    private int truncated;
    private int code;
    private String reason;
    private boolean unknownStream;
    private String faultId;
    private boolean answered;
    private long responseIdHigh;
    private long responseIdLow;
    private long latencyNanos;
    private byte[] body = new byte[SMALL_BODY_BYTES];
    private int bodyLength;
    private boolean bodyTruncated;

    void write(JournalEntry entry) {
      long mine = entry.seq();
      if (!lock(mine)) {
        return;
      }
      epochNanos = entry.epochNanos();
      // References are written only when the text changes: every reference store into an old object dirties a
      // card that the next young collection must scan, and a fresh string kept here stays live (copied by every
      // young collection until the slot is overwritten). Reasons are often built per request ("unknown stream
      // (unknownStream policy: accept)" is a concatenation) but nearly always repeat, so equal text keeps the
      // string already stored.
      if (!Objects.equals(method, entry.method())) {
        method = entry.method();
      }
      int cut = 0;
      String newPath = entry.path();
      if (newPath != null && newPath.length() > MAX_PATH_CHARS) {
        newPath = newPath.substring(0, cutBefore(newPath, MAX_PATH_CHARS));
        cut |= TRUNCATED_PATH;
      }
      if (!Objects.equals(path, newPath)) {
        path = newPath;
      }
      accessKeyLength = storeAccessKey(entry.accessKey());
      if (accessKeyLength > MAX_FIELD_BYTES) {
        accessKeyLength = utf8Boundary(accessKey, MAX_FIELD_BYTES);
        cut |= TRUNCATED_ACCESS_KEY;
      }
      requestIdLength = storeRequestId(entry.requestId());
      if (requestIdLength > MAX_FIELD_BYTES) {
        requestIdLength = utf8Boundary(requestId, MAX_FIELD_BYTES);
        cut |= TRUNCATED_REQUEST_ID;
      }
      truncated = cut;
      code = entry.rawCode();
      if (!Objects.equals(reason, entry.reason())) {
        reason = entry.reason();
      }
      unknownStream = entry.unknownStream();
      if (!Objects.equals(faultId, entry.faultId())) {
        faultId = entry.faultId();
      }
      answered = entry.answered();
      responseIdHigh = entry.responseIdHigh();
      responseIdLow = entry.responseIdLow();
      latencyNanos = entry.latencyNanos();
      byte[] kept = entry.body();
      int keptLength = Math.min(kept.length, Journal.MAX_BODY_BYTES);
      if (keptLength > body.length) {
        body = new byte[Math.min(Journal.MAX_BODY_BYTES, Math.max(keptLength, body.length * 2))];
      } else if (keptLength <= SMALL_BODY_BYTES && body.length > SMALL_BODY_BYTES) {
        // A large body's buffer is not kept for a small one: the journal's memory follows what it holds.
        body = new byte[SMALL_BODY_BYTES];
      }
      System.arraycopy(kept, 0, body, 0, keptLength);
      bodyLength = keptLength;
      bodyTruncated = entry.bodyTruncated() || keptLength < kept.length;
      SEQ.setVolatile(this, mine);
    }

    /**
     * Takes the slot for entry {@code mine}: false when the slot already holds (or is being given) a newer entry,
     * which makes this one evicted before it was ever visible.
     */
    private boolean lock(long mine) {
      int spins = 0;
      while (true) {
        long current = (long) SEQ.getVolatile(this);
        if (Math.abs(current) > mine) {
          return false;
        }
        if (current >= 0) {
          if (SEQ.compareAndSet(this, current, -mine)) {
            return true;
          }
        } else if (++spins % 64 == 0) {
          // An older writer holds the slot (descheduled mid-write, the ring having wrapped meanwhile): let it run.
          Thread.yield();
        } else {
          Thread.onSpinWait();
        }
      }
    }

    /** Gives back grown buffers unless a writer holds the slot (then the writer's next write sizes them). */
    void shrink() {
      long current = (long) SEQ.getVolatile(this);
      // Locked like a write, so no writer changes the buffers meanwhile; 0 = never written, nothing to give back.
      if (current <= 0 || !SEQ.compareAndSet(this, current, -current)) {
        return;
      }
      try {
        if (body.length > SMALL_BODY_BYTES) {
          body = new byte[SMALL_BODY_BYTES];
          bodyLength = 0;
        }
        if (accessKey.length > 32) {
          accessKey = new byte[32];
          accessKeyLength = NULL;
        }
        if (requestId.length > 64) {
          requestId = new byte[64];
          requestIdLength = NULL;
        }
        if (path != null && path.length() > 64) {
          path = null;
        }
      } finally {
        // The entry is already hidden by the journal's floor; its seq stays so that older writers still give way.
        SEQ.setVolatile(this, current);
      }
    }

    long variableBytes() {
      return accessKey.length + requestId.length + body.length + (path == null ? 0 : 2L * path.length())
          + (reason == null ? 0 : 2L * reason.length());
    }

    JournalEntry read(long expected) {
      if ((long) SEQ.getVolatile(this) != expected) {
        return null;
      }
      try {
        long copiedEpochNanos = epochNanos;
        String copiedMethod = method;
        String copiedPath = path;
        String copiedAccessKey = text(accessKey, accessKeyLength);
        String copiedRequestId = text(requestId, requestIdLength);
        int copiedTruncated = truncated;
        int copiedCode = code;
        String copiedReason = reason;
        boolean copiedUnknown = unknownStream;
        String copiedFaultId = faultId;
        boolean copiedAnswered = answered;
        long copiedHigh = responseIdHigh;
        long copiedLow = responseIdLow;
        long copiedLatency = latencyNanos;
        byte[] bodyNow = body;
        byte[] copiedBody = Arrays.copyOf(bodyNow, Math.min(bodyLength, bodyNow.length));
        boolean copiedBodyTruncated = bodyTruncated;
        // The copies above must be complete before seq is read again.
        VarHandle.acquireFence();
        if ((long) SEQ.getVolatile(this) != expected) {
          return null;
        }
        return JournalEntry.restored(
            expected, copiedEpochNanos, copiedMethod, copiedPath, copiedAccessKey, copiedRequestId, copiedCode,
            copiedReason, copiedUnknown, copiedFaultId, copiedAnswered, copiedHigh, copiedLow, copiedLatency,
            copiedBody, copiedBodyTruncated, copiedTruncated);
      } catch (RuntimeException torn) {
        // A writer changed a length under us (the slot was being rewritten): the entry is gone anyway.
        return null;
      }
    }

    /** Stores the value's UTF-8 (at most the cap plus one character); returns its full UTF-8 length or NULL. */
    private int storeAccessKey(String value) {
      byte[] target = fieldBuffer(accessKey, value);
      if (target != accessKey) {
        accessKey = target;
      }
      return encode(value, target);
    }

    private int storeRequestId(String value) {
      byte[] target = fieldBuffer(requestId, value);
      if (target != requestId) {
        requestId = target;
      }
      return encode(value, target);
    }

    /** The buffer for a value: the current one, or one of the cap's size (plus room for one more character). */
    private static byte[] fieldBuffer(byte[] buffer, String value) {
      if (value == null || value.length() <= buffer.length && isAscii(value)) {
        return buffer;
      }
      int needed = Math.min(utf8Length(value, MAX_FIELD_BYTES + 4), MAX_FIELD_BYTES + 4);
      return needed <= buffer.length ? buffer : new byte[MAX_FIELD_BYTES + 4];
    }

    /**
     * Writes as much of {@code value}'s UTF-8 as fits into {@code target}; returns the full UTF-8 length (which the
     * caller compares with the cap), or NULL for null.
     */
    private static int encode(String value, byte[] target) {
      if (value == null) {
        return NULL;
      }
      int length = value.length();
      if (length <= target.length && isAscii(value)) {
        for (int i = 0; i < length; i++) {
          target[i] = (byte) value.charAt(i);
        }
        return length;
      }
      // Rare: non-ASCII or over the cap. Encode only a prefix that certainly covers the cap (4 bytes per char max).
      String prefix = value.substring(0, cutBefore(value, Math.min(length, target.length)));
      byte[] utf8 = prefix.getBytes(StandardCharsets.UTF_8);
      int copied = Math.min(utf8.length, target.length);
      System.arraycopy(utf8, 0, target, 0, copied);
      int full = prefix.length() == length ? utf8.length : utf8Length(value, MAX_FIELD_BYTES + 1);
      return full <= target.length ? full : Math.max(full, MAX_FIELD_BYTES + 1);
    }

    private static boolean isAscii(String value) {
      for (int i = 0; i < value.length(); i++) {
        if (value.charAt(i) >= 0x80) {
          return false;
        }
      }
      return true;
    }

    /**
     * UTF-8 length without encoding (lone surrogates count 1 byte, as the encoder writes '?'), counted only until it
     * passes {@code enough}: a 64 KiB id need not be scanned to know it is over the cap.
     */
    private static int utf8Length(String value, int enough) {
      int bytes = 0;
      for (int i = 0; i < value.length() && bytes <= enough; i++) {
        char c = value.charAt(i);
        if (c < 0x80) {
          bytes += 1;
        } else if (c < 0x800) {
          bytes += 2;
        } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          bytes += 4;
          i++;
        } else if (Character.isSurrogate(c)) {
          bytes += 1;
        } else {
          bytes += 3;
        }
      }
      return bytes;
    }

    /** The largest length at most {@code max} that does not split a UTF-8 character of {@code bytes}. */
    private static int utf8Boundary(byte[] bytes, int max) {
      int end = max;
      while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
        end--;
      }
      return end;
    }

    private static String text(byte[] bytes, int length) {
      return length == NULL ? null : new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
  }

  /** Characters of {@code value} to keep so that at most {@code max} chars remain and no surrogate pair is split. */
  private static int cutBefore(String value, int max) {
    if (max >= value.length()) {
      return value.length();
    }
    return Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
  }
}
