package io.github.deepcleermock.mock.journal;

import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * <p>Concurrency: writers claim distinct sequence numbers from one atomic, so two writers meet in a slot only if the
 * ring wraps during a write. Each slot is a seqlock: {@code seq} is negated while the slot is written and set to the
 * entry's number when done; a reader copies the fields and keeps the copy only if {@code seq} was the same, complete
 * value before and after. Readers never block writers; a slot being rewritten is simply skipped.
 */
final class JournalSlots {

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

  void clear() {
    floor = nextSeq.get();
  }

  int capacity() {
    return slots.length;
  }

  int retained() {
    long claimed = nextSeq.get() - floor;
    return (int) Math.max(0, Math.min(claimed, slots.length));
  }

  private Slot slotOf(long seq) {
    return slots[(int) ((seq - 1) % slots.length)];
  }

  /** One journal entry's fields, overwritten in place. Strings that come from requests are kept as UTF-8 bytes. */
  private static final class Slot {
    private static final int NULL = -1;

    private volatile long seq;
    private long epochNanos;
    private String method;
    private String path;
    private byte[] accessKey = new byte[32];
    private int accessKeyLength = NULL;
    private byte[] requestId = new byte[64];
    private int requestIdLength = NULL;
    private int code;
    private String reason;
    private boolean unknownStream;
    private String faultId;
    private boolean answered;
    private long responseIdHigh;
    private long responseIdLow;
    private long latencyNanos;
    private byte[] body = new byte[128];
    private int bodyLength;
    private boolean bodyTruncated;

    void write(JournalEntry entry) {
      seq = -entry.seq();
      // The field writes below must not become visible before the slot is marked as being written.
      VarHandle.storeStoreFence();
      epochNanos = entry.epochNanos();
      // References are written only when they change: every reference store into an old object dirties a card
      // that the next young collection must scan, and these are nearly always the same constant strings.
      if (method != entry.method()) {
        method = entry.method();
      }
      if (path != entry.path()) {
        path = entry.path();
      }
      byte[] keyBuffer = store(accessKey, entry.accessKey());
      if (keyBuffer != accessKey) {
        accessKey = keyBuffer;
      }
      accessKeyLength = length(entry.accessKey());
      byte[] idBuffer = store(requestId, entry.requestId());
      if (idBuffer != requestId) {
        requestId = idBuffer;
      }
      requestIdLength = length(entry.requestId());
      code = entry.rawCode();
      if (reason != entry.reason()) {
        reason = entry.reason();
      }
      unknownStream = entry.unknownStream();
      if (faultId != entry.faultId()) {
        faultId = entry.faultId();
      }
      answered = entry.answered();
      responseIdHigh = entry.responseIdHigh();
      responseIdLow = entry.responseIdLow();
      latencyNanos = entry.latencyNanos();
      byte[] kept = entry.body();
      if (kept.length > body.length) {
        body = new byte[Math.max(kept.length, body.length * 2)];
      }
      System.arraycopy(kept, 0, body, 0, kept.length);
      bodyLength = kept.length;
      bodyTruncated = entry.bodyTruncated();
      seq = entry.seq();
    }

    JournalEntry read(long expected) {
      if (seq != expected) {
        return null;
      }
      try {
        long copiedEpochNanos = epochNanos;
        String copiedMethod = method;
        String copiedPath = path;
        String copiedAccessKey = text(accessKey, accessKeyLength);
        String copiedRequestId = text(requestId, requestIdLength);
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
        boolean copiedTruncated = bodyTruncated;
        // The copies above must be complete before seq is read again.
        VarHandle.acquireFence();
        if (seq != expected) {
          return null;
        }
        return JournalEntry.restored(
            expected, copiedEpochNanos, copiedMethod, copiedPath, copiedAccessKey, copiedRequestId, copiedCode,
            copiedReason, copiedUnknown, copiedFaultId, copiedAnswered, copiedHigh, copiedLow, copiedLatency,
            copiedBody, copiedTruncated);
      } catch (RuntimeException torn) {
        // A writer changed a length under us (the slot was being rewritten): the entry is gone anyway.
        return null;
      }
    }

    private static byte[] store(byte[] buffer, String value) {
      if (value == null) {
        return buffer;
      }
      int length = value.length();
      boolean ascii = true;
      for (int i = 0; i < length && ascii; i++) {
        ascii = value.charAt(i) < 0x80;
      }
      if (ascii) {
        byte[] target = length <= buffer.length ? buffer : new byte[length];
        for (int i = 0; i < length; i++) {
          target[i] = (byte) value.charAt(i);
        }
        return target;
      }
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      byte[] target = utf8.length <= buffer.length ? buffer : new byte[utf8.length];
      System.arraycopy(utf8, 0, target, 0, utf8.length);
      return target;
    }

    private static int length(String value) {
      if (value == null) {
        return NULL;
      }
      for (int i = 0; i < value.length(); i++) {
        if (value.charAt(i) >= 0x80) {
          return value.getBytes(StandardCharsets.UTF_8).length;
        }
      }
      return value.length();
    }

    private static String text(byte[] bytes, int length) {
      return length == NULL ? null : new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
  }
}
