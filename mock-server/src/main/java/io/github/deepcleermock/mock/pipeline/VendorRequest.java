package io.github.deepcleermock.mock.pipeline;

import java.util.Objects;

/**
 * A vendor request as the transport received it: the body bytes, or the fact that the body was too large to read.
 *
 * @param body buffer holding the body in its first {@code length} bytes (not copied; do not modify)
 * @param length how many bytes of {@code body} are the body
 * @param tooLarge the body exceeded the endpoint's limit and was not read whole
 */
public record VendorRequest(byte[] body, int length, boolean tooLarge) {

  public VendorRequest {
    Objects.requireNonNull(body, "body");
    if (length < 0 || length > body.length) {
      throw new IllegalArgumentException("length " + length + " outside the buffer of " + body.length);
    }
  }

  /** A request whose body is exactly {@code body}. */
  public static VendorRequest of(byte[] body) {
    return new VendorRequest(body, body.length, false);
  }

  /** A request whose body exceeded the limit. */
  public static VendorRequest tooLarge(byte[] prefix, int length) {
    return new VendorRequest(prefix, length, true);
  }
}
