package io.github.deepcleermock.mock.close;

/**
 * The limits of the close request body. The lengths mirror {@code maxLength} in the spec (a test proves it) and
 * are counted in Unicode code points, as the vendor counts characters.
 */
public final class CloseFields {

  public static final String ACCESS_KEY = "accessKey";
  public static final String REQUEST_ID = "requestId";
  public static final int ACCESS_KEY_MAX_LENGTH = 20;
  public static final int REQUEST_ID_MAX_LENGTH = 32;
  /** Larger bodies are refused unread: a real close body is under 100 bytes. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private CloseFields() {}
}
