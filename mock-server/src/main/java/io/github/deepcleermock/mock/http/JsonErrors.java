package io.github.deepcleermock.mock.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes the control plane's error shape {@code {"error":"<field>: <problem>"}} from a core handler. */
final class JsonErrors {

  private JsonErrors() {}

  static byte[] body(String message) {
    StringBuilder json = new StringBuilder("{\"error\":\"");
    // The message is the mock's own text; quotes, backslashes and control characters are escaped all the same.
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
  }

  static void write(Response response, Callback callback, int status, String message, boolean closeConnection) {
    byte[] body = body(message);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaTypes.JSON);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    if (closeConnection) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
