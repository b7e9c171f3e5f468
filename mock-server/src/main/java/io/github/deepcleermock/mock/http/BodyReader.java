package io.github.deepcleermock.mock.http;

import io.github.deepcleermock.mock.close.CloseFields;
import io.github.deepcleermock.mock.close.CloseRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a close body, but never more than {@link CloseFields#MAX_BODY_BYTES}: a declared larger body is refused
 * before reading, and a chunked one is cut off as soon as it passes the limit.
 */
final class BodyReader {

  private BodyReader() {}

  static CloseRequest read(long declaredLength, InputStream in) throws IOException {
    int max = CloseFields.MAX_BODY_BYTES;
    if (declaredLength > max) {
      return CloseRequest.tooLarge(new byte[0], 0);
    }
    if (declaredLength >= 0) {
      CloseRequest exact = readDeclared((int) declaredLength, in);
      if (exact != null) {
        return exact;
      }
    }
    byte[] buffer = new byte[256];
    int length = 0;
    while (true) {
      if (length == buffer.length) {
        if (length > max) {
          return CloseRequest.tooLarge(buffer, Math.min(length, buffer.length));
        }
        buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, max + 1));
      }
      int read = in.read(buffer, length, buffer.length - length);
      if (read < 0) {
        break;
      }
      length += read;
      if (length > max) {
        return CloseRequest.tooLarge(buffer, length);
      }
    }
    return new CloseRequest(buffer, length, false);
  }

  /**
   * The common case: a body of the declared length, read into an array of exactly that size (which the journal
   * then keeps as it is). Null when the client sent more than it declared; the caller then reads the usual way.
   */
  private static CloseRequest readDeclared(int declared, InputStream in) throws IOException {
    byte[] buffer = new byte[declared];
    int length = 0;
    while (length < declared) {
      int read = in.read(buffer, length, declared - length);
      if (read < 0) {
        return new CloseRequest(buffer, length, false);
      }
      length += read;
    }
    int extra = in.read();
    if (extra < 0) {
      return new CloseRequest(buffer, length, false);
    }
    // More than declared: HTTP framing normally prevents it; treat the body as one of unknown length.
    byte[] grown = Arrays.copyOf(buffer, Math.min(CloseFields.MAX_BODY_BYTES + 1, Math.max(declared * 2, 256)));
    grown[length] = (byte) extra;
    return continueReading(grown, length + 1, in);
  }

  private static CloseRequest continueReading(byte[] buffer, int length, InputStream in) throws IOException {
    int max = CloseFields.MAX_BODY_BYTES;
    while (true) {
      if (length > max) {
        return CloseRequest.tooLarge(buffer, length);
      }
      if (length == buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, max + 1));
      }
      int read = in.read(buffer, length, buffer.length - length);
      if (read < 0) {
        return new CloseRequest(buffer, length, false);
      }
      length += read;
    }
  }
}
