package io.github.deepcleermock.mock.pipeline;

import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.pipeline.VendorCode;

/**
 * What a magic requestId asks for: {@code mock-1901}, {@code mock-1903}, {@code mock-1904}, {@code mock-9101}
 * force that code; {@code mock-delay-<ms>} answers 1100 after the delay (0..60000, else 1902).
 *
 * @param code the code to answer
 * @param delayMs how long to hold the answer back
 * @param reason why, for X-Mock-Reason and the journal
 */
public record MagicValue(VendorCode code, long delayMs, String reason) {

  static final String PREFIX = "mock-";
  private static final String DELAY_PREFIX = "mock-delay-";

  /** The magic meaning of {@code requestId}, or null when it has none. */
  public static MagicValue parse(String requestId) {
    if (!requestId.startsWith(PREFIX)) {
      return null;
    }
    if (requestId.startsWith(DELAY_PREFIX)) {
      long delay = parseDelay(requestId.substring(DELAY_PREFIX.length()));
      if (delay < 0) {
        return new MagicValue(
            VendorCode.INVALID_PARAMETERS,
            0,
            "magic value mock-delay-<ms>: the delay must be a whole number of milliseconds, 0..60000");
      }
      return new MagicValue(VendorCode.SUCCESS, delay, "magic value " + requestId);
    }
    VendorCode forced =
        switch (requestId.substring(PREFIX.length())) {
          case "1901" -> VendorCode.QPS_LIMIT_EXCEEDED;
          case "1903" -> VendorCode.SERVICE_FAILURE;
          case "1904" -> VendorCode.STREAM_COUNT_LIMIT_EXCEEDED;
          case "9101" -> VendorCode.UNAUTHORIZED_OPERATION;
          default -> null;
        };
    return forced == null ? null : new MagicValue(forced, 0, "magic value " + requestId);
  }

  /** Whether {@code id} would be read as a magic value (seeding such a stream is refused while they are on). */
  public static boolean looksMagic(String id) {
    return id.startsWith(PREFIX);
  }

  private static long parseDelay(String digits) {
    if (digits.isEmpty() || digits.length() > 5) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= FaultSpec.MAX_DELAY_MS ? value : -1;
  }
}
