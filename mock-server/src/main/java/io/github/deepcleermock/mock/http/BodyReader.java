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
    byte[] buffer = new byte[declaredLength >= 0 ? (int) declaredLength + 1 : 256];
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
}
