package io.github.deepcleermock.mock.pipeline;

import java.nio.charset.StandardCharsets;

/**
 * The id of one answer: 128 bits shown as 32 lowercase hex characters. Kept as two longs so that the journal holds
 * 16 bytes per entry instead of a 72-byte string, and the answer is rendered straight into its byte array.
 *
 * @param high the first 64 bits
 * @param low the last 64 bits
 */
public record ResponseId(long high, long low) {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** Number of characters {@link #writeTo} writes. */
  public static final int LENGTH = 32;

  /** Writes the 32 hex characters at {@code offset}. */
  public void writeTo(byte[] out, int offset) {
    write(high, out, offset);
    write(low, out, offset + 16);
  }

  /** The 32 hex characters. */
  public String hex() {
    byte[] out = new byte[LENGTH];
    writeTo(out, 0);
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  @Override
  public String toString() {
    return hex();
  }

  private static void write(long bits, byte[] out, int offset) {
    for (int i = 15; i >= 0; i--) {
      out[offset + i] = HEX[(int) (bits & 0xF)];
      bits >>>= 4;
    }
  }
}
