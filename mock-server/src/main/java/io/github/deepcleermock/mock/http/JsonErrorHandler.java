package io.github.deepcleermock.mock.http;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (a malformed Host header, a bad percent-encoding, a URI too long), which arise before any
 * handler, answered in the mock's error shape instead of Jetty's HTML page: {@code {"error":"request: <status>"}}.
 * The message never quotes the request: Jetty's texts do.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    if (status < 400) {
      status = 500;
    }
    String reason = HttpStatus.getMessage(status);
    JsonErrors.write(response, callback, status,
        "request: " + (reason == null ? "HTTP " + status : reason) + " (the request line or a header is malformed)",
        false);
    return true;
  }

  @Override
  public java.nio.ByteBuffer badMessageError(int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
    // Errors Jetty writes itself before a request exists (an unparseable request line or header).
    byte[] body = JsonErrors.body("request: " + HttpStatus.getMessage(status) + " (the request line or a header is"
        + " malformed)");
    fields.put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, MediaTypes.JSON);
    return java.nio.ByteBuffer.wrap(body);
  }
}
