package io.github.deepcleermock.mock.simulation;

import java.util.SplittableRandom;

/**
 * {@code requestId}s of result callbacks, shaped like the vendor's examples (U11): a frame result
 * {@code <13-digit ms>_vs130_<19 digits>}, an audio result the same with {@code _<segment>} appended. They never
 * contain the submit requestId, so a client cannot rely on a correlation the service does not give; the 19 digits
 * are a pure function of the stream and the frame or segment, so a run on a fake clock repeats exactly.
 */
final class CallbackIds {

  private static final long NINETEEN_DIGITS = 1_000_000_000_000_000_000L;

  private CallbackIds() {}

  static String frame(long epochMillis, String streamRequestId, long frame) {
    return epochMillis + "_vs130_" + digits(streamRequestId, 1, frame);
  }

  static String segment(long epochMillis, String streamRequestId, long segment) {
    return epochMillis + "_vs130_" + digits(streamRequestId, 2, segment) + "_" + segment;
  }

  private static long digits(String streamRequestId, int kind, long n) {
    long seed = streamRequestId.hashCode() * 0x9E3779B97F4A7C15L + kind * 31L + n;
    long value = new SplittableRandom(seed).nextLong(8 * NINETEEN_DIGITS);
    return NINETEEN_DIGITS + value;
  }
}
