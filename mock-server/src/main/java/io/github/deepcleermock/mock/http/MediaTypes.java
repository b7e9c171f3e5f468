package io.github.deepcleermock.mock.http;

/**
 * The one JSON media type the mock sends, on answers, admin calls and callbacks, exactly as the specs declare it.
 *
 * <p>Why no {@code charset} parameter: JSON's IANA registration (RFC 8259 §11) defines none (the text is UTF-8), and
 * the specs say {@code application/json}; a conformance tool that compares headers literally failed the documented
 * example on {@code application/json;charset=utf-8}.
 */
public final class MediaTypes {

  public static final String JSON = "application/json";

  private MediaTypes() {}
}
