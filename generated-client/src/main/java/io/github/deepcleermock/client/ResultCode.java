package io.github.deepcleermock.client;

import java.util.Objects;

/**
 * The documented result codes of the close call, with an {@code UNKNOWN} fallback that keeps the raw value.
 *
 * <p>The spec deliberately models {@code code} as a plain integer (an open list), so a response with a code this
 * enum does not know still decodes; {@link #of(int)} maps it here without losing it.
 */
public enum ResultCode {
  SUCCESS(1100, "Success"),
  QPS_LIMIT_EXCEEDED(1901, "QPS limit exceeded"),
  INVALID_PARAMETERS(1902, "Invalid parameters"),
  SERVICE_FAILURE(1903, "Service failure"),
  STREAM_COUNT_LIMIT_EXCEEDED(1904, "Stream count limit exceeded"),
  UNAUTHORIZED_OPERATION(9101, "Unauthorized operation"),
  /** A code the vendor documentation does not list; {@link Code#raw()} keeps the value. */
  UNKNOWN(-1, null);

  private final int code;
  private final String message;

  ResultCode(int code, String message) {
    this.code = code;
    this.message = message;
  }

  /** The numeric code, or -1 for {@link #UNKNOWN}. */
  public int code() {
    return code;
  }

  /** The vendor's documented message for this code, or {@code null} for {@link #UNKNOWN}. */
  public String message() {
    return message;
  }

  /** Whether the service accepted the call. */
  public boolean isSuccess() {
    return this == SUCCESS;
  }

  /** Maps a raw code to its known value and keeps the raw value either way. */
  public static Code of(int raw) {
    return new Code(lookup(raw), raw);
  }

  private static ResultCode lookup(int raw) {
    for (ResultCode known : values()) {
      if (known != UNKNOWN && known.code == raw) {
        return known;
      }
    }
    return UNKNOWN;
  }

  /**
   * Maps the boxed code the generated model exposes. An absent code is refused rather than invented: the spec
   * requires it, and a made-up raw value could not be told apart from one the service sent.
   */
  public static Code of(Integer raw) {
    Objects.requireNonNull(raw, "code is absent: the response is not a valid close answer");
    return of(raw.intValue());
  }

  /** A decoded code: the known value, or {@link #UNKNOWN}, together with the raw integer the service sent. */
  public record Code(ResultCode value, int raw) {
    /** Refuses a value that does not belong to {@code raw}: {@link #of(int)} is the usual way to build one. */
    public Code {
      Objects.requireNonNull(value, "value");
      if (lookup(raw) != value) {
        throw new IllegalArgumentException("code " + raw + " is " + lookup(raw) + ", not " + value);
      }
    }

    /** Whether the vendor documents this code. */
    public boolean isKnown() {
      return value != UNKNOWN;
    }

    /** Whether the service accepted the call (code 1100). */
    public boolean isSuccess() {
      return value.isSuccess();
    }

    @Override
    public String toString() {
      return value + "(" + raw + ")";
    }
  }
}
