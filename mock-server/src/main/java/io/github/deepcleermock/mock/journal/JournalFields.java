package io.github.deepcleermock.mock.journal;

import io.github.deepcleermock.mock.pipeline.ResponseId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A journal entry as flat text fields (name, value, name, value, ...) for a store outside the process, with the same
 * caps as the memory journal's slots: path {@link Journal#MAX_PATH_CHARS} characters, accessKey and requestId
 * {@link Journal#MAX_FIELD_BYTES} UTF-8 bytes (cut at a character boundary and named in the truncated fields), body
 * {@link Journal#MAX_BODY_BYTES} bytes (Base64, so that bytes that are not UTF-8 survive). A null field is left out.
 * The sequence number is the store's to assign, in the field {@value #SEQ}.
 */
public final class JournalFields {

  /** The field holding the entry's sequence number (assigned by the store). */
  public static final String SEQ = "seq";

  private JournalFields() {}

  /** The entry's fields, capped; its own (claimed) sequence number is not among them. */
  public static List<String> of(JournalEntry entry) {
    List<String> fields = new ArrayList<>(26);
    int cut = 0;
    add(fields, "t", Long.toString(entry.epochNanos()));
    add(fields, "m", entry.method());
    String path = entry.path();
    if (path != null && path.length() > Journal.MAX_PATH_CHARS) {
      int keep = Character.isHighSurrogate(path.charAt(Journal.MAX_PATH_CHARS - 1))
          ? Journal.MAX_PATH_CHARS - 1 : Journal.MAX_PATH_CHARS;
      path = path.substring(0, keep);
      cut |= JournalSlots.TRUNCATED_PATH;
    }
    add(fields, "p", path);
    if (overCap(entry.accessKey())) {
      cut |= JournalSlots.TRUNCATED_ACCESS_KEY;
    }
    add(fields, "k", capped(entry.accessKey()));
    if (overCap(entry.requestId())) {
      cut |= JournalSlots.TRUNCATED_REQUEST_ID;
    }
    add(fields, "r", capped(entry.requestId()));
    if (entry.code() != null) {
      add(fields, "c", Integer.toString(entry.code()));
    }
    add(fields, "why", entry.reason());
    if (entry.unknownStream()) {
      add(fields, "u", "1");
    }
    add(fields, "f", entry.faultId());
    if (entry.answered()) {
      add(fields, "id", entry.responseRequestId());
    }
    add(fields, "l", Long.toString(entry.latencyNanos()));
    byte[] body = entry.body();
    int kept = Math.min(body.length, Journal.MAX_BODY_BYTES);
    add(fields, "b", Base64.getEncoder().encodeToString(kept == body.length ? body : Arrays.copyOf(body, kept)));
    if (entry.bodyTruncated() || kept < body.length) {
      add(fields, "bt", "1");
    }
    if (cut != 0) {
      add(fields, "tf", Integer.toString(cut));
    }
    return fields;
  }

  /** The entry that {@link #of(JournalEntry)} wrote, numbered by the store's {@value #SEQ} field. */
  public static JournalEntry entry(Map<String, String> fields) {
    String id = fields.get("id");
    long high = 0;
    long low = 0;
    if (id != null) {
      high = Long.parseUnsignedLong(id.substring(0, 16), 16);
      low = Long.parseUnsignedLong(id.substring(16), 16);
    }
    String code = fields.get("c");
    String cut = fields.get("tf");
    String body = fields.get("b");
    return JournalEntry.restored(
        Long.parseLong(fields.get(SEQ)),
        Long.parseLong(fields.get("t")),
        fields.get("m"),
        fields.get("p"),
        fields.get("k"),
        fields.get("r"),
        code == null ? Integer.MIN_VALUE : Integer.parseInt(code),
        fields.get("why"),
        fields.containsKey("u"),
        fields.get("f"),
        id != null,
        high,
        low,
        Long.parseLong(fields.get("l")),
        body == null ? new byte[0] : Base64.getDecoder().decode(body),
        fields.containsKey("bt"),
        cut == null ? 0 : Integer.parseInt(cut));
  }

  /**
   * At most {@link Journal#MAX_FIELD_BYTES} UTF-8 bytes of {@code value}, cut before a character that would not fit
   * whole; decoded from its UTF-8 as the memory journal does (a lone surrogate becomes '?').
   */
  private static String capped(String value) {
    if (value == null) {
      return null;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    int length = utf8.length;
    if (length > Journal.MAX_FIELD_BYTES) {
      length = Journal.MAX_FIELD_BYTES;
      while (length > 0 && (utf8[length] & 0xC0) == 0x80) {
        length--;
      }
    }
    String kept = new String(utf8, 0, length, StandardCharsets.UTF_8);
    return kept.equals(value) ? value : kept;
  }

  private static boolean overCap(String value) {
    return value != null && value.getBytes(StandardCharsets.UTF_8).length > Journal.MAX_FIELD_BYTES;
  }

  private static void add(List<String> fields, String name, String value) {
    if (value != null) {
      fields.add(name);
      fields.add(value);
    }
  }
}
