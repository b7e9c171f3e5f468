package io.github.deepcleermock.mock.http;

import io.github.deepcleermock.mock.faults.TransportFault;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Breaks an exchange on purpose, the way a network or a gateway would. */
final class TransportFaults {

  private static final byte[] MALFORMED = "{\"requestId\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BAD_GATEWAY =
      "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.US_ASCII);

  private TransportFaults() {}

  static void apply(Request request, Response response, Callback callback, TransportFault fault) {
    switch (fault) {
      case CONNECTION_RESET -> abort(request, callback, true);
      case EMPTY_RESPONSE -> abort(request, callback, false);
      case MALFORMED_JSON -> write(response, callback, 200, MediaTypes.JSON, MALFORMED);
      case HTTP_502 -> write(response, callback, 502, "text/html;charset=utf-8", BAD_GATEWAY);
    }
  }

  private static void write(Response response, Callback callback, int status, String contentType, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** Closes the connection before any response byte; with {@code reset}, SO_LINGER 0 turns the close into RST. */
  private static void abort(Request request, Callback callback, boolean reset) {
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    try {
      if (reset && endPoint.getTransport() instanceof NetworkChannel channel) {
        channel.setOption(StandardSocketOptions.SO_LINGER, 0);
      }
    } catch (IOException e) {
      // Without linger 0 the close is a FIN instead of a RST: still a broken exchange.
    }
    endPoint.close();
    // EofException is one Jetty treats as quiet: the exchange ends without a logged stack trace.
    callback.failed(new EofException("transport fault " + (reset ? "CONNECTION_RESET" : "EMPTY_RESPONSE")));
  }
}
