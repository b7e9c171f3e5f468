package io.github.deepcleermock.mock.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.pipeline.ResponseId;
import org.junit.jupiter.api.Test;

/** The journal is bounded in bytes: oversized input is kept only up to caps, and clearing gives memory back. */
class JournalMemoryTest {

  private static final int CAPACITY = 10_000;
  private static final String HUGE = "x".repeat(64 * 1024);

  @Test
  void tenThousandRequestsWithOversizedIdsStayWithinTheWorstCaseBytes() {
    MemoryJournal journal = new MemoryJournal(CAPACITY);
    byte[] body = new byte[Journal.MAX_BODY_BYTES];
    String hugePath = "/" + HUGE;
    for (int i = 0; i < CAPACITY; i++) {
      journal.record(entry(journal.claim(), hugePath, HUGE, HUGE, body));
    }

    // Before the caps, these 10 000 entries held 2 x 64 KiB of ids each: 1.3 GB.
    assertThat(journal.variableBytes()).isLessThanOrEqualTo(journal.maxVariableBytes());
    assertThat(journal.maxVariableBytes()).isLessThan(Journal.worstCaseBytes(CAPACITY));
    // The README's figures: 6 192 bytes per entry, 62 MB for the default 10 000 (plus the slot array itself).
    assertThat(Journal.worstCaseBytes(CAPACITY)).isEqualTo(CAPACITY * 6_192L + 16 + 8L * CAPACITY)
        .isEqualTo(62_000_016L);
    JournalEntry newest = journal.all().get(0);
    assertThat(newest.accessKey()).isEqualTo(HUGE.substring(0, Journal.MAX_FIELD_BYTES));
    assertThat(newest.requestId()).isEqualTo(HUGE.substring(0, Journal.MAX_FIELD_BYTES));
    assertThat(newest.path()).hasSize(Journal.MAX_PATH_CHARS);
    assertThat(newest.truncatedFields()).containsExactly("path", "accessKey", "requestId");
  }

  @Test
  void clearingGivesBackTheBuffersThatLargeEntriesGrew() {
    MemoryJournal journal = new MemoryJournal(100);
    for (int i = 0; i < 100; i++) {
      journal.record(entry(journal.claim(), "/p", "k", "r", new byte[10]));
    }
    long small = journal.variableBytes();
    for (int i = 0; i < 100; i++) {
      journal.record(entry(journal.claim(), "/" + HUGE, HUGE, HUGE, new byte[Journal.MAX_BODY_BYTES]));
    }
    assertThat(journal.variableBytes()).isGreaterThan(small * 10);

    journal.clear();

    assertThat(journal.all()).isEmpty();
    assertThat(journal.variableBytes()).isLessThanOrEqualTo(small);
  }

  @Test
  void aSmallEntryOverwritingALargeOneDoesNotKeepTheLargeBuffers() {
    MemoryJournal journal = new MemoryJournal(1);
    journal.record(entry(journal.claim(), "/p", HUGE, HUGE, new byte[Journal.MAX_BODY_BYTES]));
    long large = journal.variableBytes();

    journal.record(entry(journal.claim(), "/p", "k", "r", new byte[10]));

    assertThat(journal.variableBytes()).isLessThan(large - Journal.MAX_BODY_BYTES / 2);
    assertThat(journal.all().get(0).truncatedFields()).isEmpty();
    assertThat(journal.all().get(0).accessKey()).isEqualTo("k");
  }

  @Test
  void aCutIdEndsOnACharacterBoundary() {
    MemoryJournal journal = new MemoryJournal(1);
    String emojis = "😀".repeat(100); // 400 UTF-8 bytes; 32 whole emojis fit in 128

    journal.record(entry(journal.claim(), "/p", emojis, "r", new byte[0]));

    JournalEntry entry = journal.all().get(0);
    assertThat(entry.accessKey()).isEqualTo("😀".repeat(32)).doesNotContain("\uFFFD");
    assertThat(entry.truncatedFields()).containsExactly("accessKey");
    assertThat(entry.requestId()).isEqualTo("r");
  }

  @Test
  void idsAtTheCapAreKeptWholeAndUnmarked() {
    MemoryJournal journal = new MemoryJournal(1);
    String atCap = "é".repeat(Journal.MAX_FIELD_BYTES / 2); // exactly 128 UTF-8 bytes

    journal.record(entry(journal.claim(), "/p", atCap, atCap, new byte[0]));

    JournalEntry entry = journal.all().get(0);
    assertThat(entry.accessKey()).isEqualTo(atCap);
    assertThat(entry.requestId()).isEqualTo(atCap);
    assertThat(entry.truncatedFields()).isEmpty();
  }

  @Test
  void aReasonWithTheSameTextKeepsTheStringAlreadyStored() {
    // Reasons are often concatenated per request; storing each fresh copy would keep one more live young object
    // per entry, which every young collection copies.
    MemoryJournal journal = new MemoryJournal(1);
    String first = new String("unknown stream (unknownStream policy: accept)");
    String second = new String("unknown stream (unknownStream policy: accept)");
    journal.record(new JournalEntry(journal.claim(), 1, "POST", "/p", "k", "r", 1100, first, true, null,
        new ResponseId(1, 1), 1, new byte[0], false));

    journal.record(new JournalEntry(journal.claim(), 2, "POST", "/p", "k", "r", 1100, second, true, null,
        new ResponseId(2, 2), 1, new byte[0], false));

    assertThat(journal.all().get(0).reason()).isEqualTo(second).isSameAs(first);
  }

  private static JournalEntry entry(long seq, String path, String accessKey, String requestId, byte[] body) {
    return new JournalEntry(seq, seq, "POST", path, accessKey, requestId, 1902,
        "accessKey is too long", false, null, new ResponseId(seq, seq), 1, body, false);
  }
}
