package io.github.deepcleermock.mock.close;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh ids for answers: 128 random bits as 32 lowercase hex characters, like the vendor's.
 *
 * <p>{@link ThreadLocalRandom}, not a shared {@code SecureRandom}: these ids need to be unique, not secret, and a
 * shared generator would be a lock every request takes.
 */
public final class ResponseIds {

  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private ResponseIds() {}

  /** A new id. */
  public static String next() {
    byte[] out = new byte[32];
    ThreadLocalRandom random = ThreadLocalRandom.current();
    write(random.nextLong(), out, 0);
    write(random.nextLong(), out, 16);
    return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static void write(long bits, byte[] out, int offset) {
    for (int i = 15; i >= 0; i--) {
      out[offset + i] = HEX[(int) (bits & 0xF)];
      bits >>>= 4;
    }
  }
}
