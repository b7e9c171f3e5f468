package io.github.deepcleermock.benchmarks.peers;

import java.nio.charset.StandardCharsets;

/** The close endpoint's successful answer as fixed bytes, identical in length and shape to the mock's 1100. */
public final class CloseAnswer {
  /** Path of DeepCleer's close endpoint. */
  public static final String PATH = "/finish_videostream/v4";

  /** Content type the mock sends with its answers. */
  public static final String CONTENT_TYPE = "application/json";

  // The mock generates a fresh 32-hex requestId per answer; a fixed one keeps the byte count the same.
  private static final byte[] BYTES =
      "{\"requestId\":\"0123456789abcdef0123456789abcdef\",\"code\":1100,\"message\":\"Success\"}"
          .getBytes(StandardCharsets.UTF_8);

  private CloseAnswer() {}

  /** Returns a copy of the answer bytes (callers that must not copy per request keep their own). */
  public static byte[] bytes() {
    return BYTES.clone();
  }
}
