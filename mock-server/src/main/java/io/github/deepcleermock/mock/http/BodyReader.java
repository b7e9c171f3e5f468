package io.github.deepcleermock.mock.http;

import io.github.deepcleermock.mock.pipeline.VendorRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a vendor request body, but never more than the endpoint's limit: a declared larger body is refused before
 * reading, and a chunked one is cut off as soon as it passes the limit.
 */
final class BodyReader {

  private BodyReader() {}

  static VendorRequest read(long declaredLength, InputStream in, int max) throws IOException {
    if (declaredLength > max) {
      return VendorRequest.tooLarge(new byte[0], 0);
    }
    if (declaredLength >= 0) {
      VendorRequest exact = readDeclared((int) declaredLength, in, max);
      if (exact != null) {
        return exact;
      }
    }
    byte[] buffer = new byte[256];
    int length = 0;
    while (true) {
      if (length == buffer.length) {
        if (length > max) {
          return VendorRequest.tooLarge(buffer, Math.min(length, buffer.length));
        }
        buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, max + 1));
      }
      int read = in.read(buffer, length, buffer.length - length);
      if (read < 0) {
        break;
      }
      length += read;
      if (length > max) {
        return VendorRequest.tooLarge(buffer, length);
      }
    }
    return new VendorRequest(buffer, length, false);
  }

  /**
   * The common case: a body of the declared length, read into an array of exactly that size (which the journal
   * then keeps as it is). Null when the client sent more than it declared; the caller then reads the usual way.
   */
  private static VendorRequest readDeclared(int declared, InputStream in, int max) throws IOException {
    byte[] buffer = new byte[declared];
    int length = 0;
    while (length < declared) {
      int read = in.read(buffer, length, declared - length);
      if (read < 0) {
        return new VendorRequest(buffer, length, false);
      }
      length += read;
    }
    int extra = in.read();
    if (extra < 0) {
      return new VendorRequest(buffer, length, false);
    }
    // More than declared: HTTP framing normally prevents it; treat the body as one of unknown length.
    byte[] grown = Arrays.copyOf(buffer, Math.min(max + 1, Math.max(declared * 2, 256)));
    grown[length] = (byte) extra;
    return continueReading(grown, length + 1, in, max);
  }

  private static VendorRequest continueReading(byte[] buffer, int length, InputStream in, int max)
      throws IOException {
    while (true) {
      if (length > max) {
        return VendorRequest.tooLarge(buffer, length);
      }
      if (length == buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, max + 1));
      }
      int read = in.read(buffer, length, buffer.length - length);
      if (read < 0) {
        return new VendorRequest(buffer, length, false);
      }
      length += read;
    }
  }
}
