package io.github.deepcleermock.mock.close;

import java.util.Objects;

/**
 * A close request as the transport received it: the body bytes, or the fact that the body was too large to read.
 *
 * @param body buffer holding the body in its first {@code length} bytes (not copied; do not modify)
 * @param length how many bytes of {@code body} are the body
 * @param tooLarge the body exceeded {@link CloseFields#MAX_BODY_BYTES} and was not read whole
 */
public record CloseRequest(byte[] body, int length, boolean tooLarge) {

  public CloseRequest {
    Objects.requireNonNull(body, "body");
    if (length < 0 || length > body.length) {
      throw new IllegalArgumentException("length " + length + " outside the buffer of " + body.length);
    }
  }

  /** A request whose body is exactly {@code body}. */
  public static CloseRequest of(byte[] body) {
    return new CloseRequest(body, body.length, false);
  }

  /** A request whose body exceeded the limit. */
  public static CloseRequest tooLarge(byte[] prefix, int length) {
    return new CloseRequest(prefix, length, true);
  }
}
