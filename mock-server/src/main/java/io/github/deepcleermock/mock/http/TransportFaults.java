package io.github.deepcleermock.mock.http;

import io.github.deepcleermock.mock.faults.TransportFault;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/** Breaks an exchange on purpose, the way a network or a gateway would. */
final class TransportFaults {

  private static final byte[] MALFORMED = "{\"requestId\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BAD_GATEWAY =
      "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.US_ASCII);

  private TransportFaults() {}

  static void apply(Context ctx, TransportFault fault) throws IOException {
    switch (fault) {
      case CONNECTION_RESET -> abort(ctx, true);
      case EMPTY_RESPONSE -> abort(ctx, false);
      case MALFORMED_JSON -> write(ctx, 200, "application/json;charset=utf-8", MALFORMED);
      case HTTP_502 -> write(ctx, 502, "text/html;charset=utf-8", BAD_GATEWAY);
    }
  }

  private static void write(Context ctx, int status, String contentType, byte[] body) throws IOException {
    var res = ctx.res();
    res.setStatus(status);
    res.setContentType(contentType);
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }

  /** Closes the connection before any response byte; with {@code reset}, SO_LINGER 0 turns the close into RST. */
  private static void abort(Context ctx, boolean reset) throws IOException {
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    if (reset && endPoint.getTransport() instanceof NetworkChannel channel) {
      channel.setOption(StandardSocketOptions.SO_LINGER, 0);
    }
    endPoint.close();
  }
}
