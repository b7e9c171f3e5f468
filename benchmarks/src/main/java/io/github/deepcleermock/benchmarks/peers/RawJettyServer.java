package io.github.deepcleermock.benchmarks.peers;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A bare Jetty 12 core handler that answers the close endpoint with fixed bytes: the ceiling any Jetty-based mock
 * can reach on this machine.
 */
public final class RawJettyServer implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;

  private RawJettyServer(int port) {
    server = new Server();
    connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new FixedAnswerHandler());
  }

  /** Starts a server on 127.0.0.1 at {@code port} (0 picks a free one). */
  public static RawJettyServer start(int port) throws Exception {
    RawJettyServer raw = new RawJettyServer(port);
    raw.server.start();
    return raw;
  }

  /** The port actually bound. */
  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  /** Runs the server until the process is killed; args: {@code [port]} (default 8081). */
  public static void main(String[] args) throws Exception {
    RawJettyServer raw = start(args.length > 0 ? Integer.parseInt(args[0]) : 8081);
    System.out.println("RawJettyServer listening on http://127.0.0.1:" + raw.port());
    raw.server.join();
  }

  /** Answers POST on the close path; everything else is a 404, so a misdirected load test shows up as non-2xx. */
  private static final class FixedAnswerHandler extends Handler.Abstract.NonBlocking {
    private final byte[] answer = CloseAnswer.bytes();
    private final String contentLength = Integer.toString(answer.length);

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      if (!"POST".equals(request.getMethod())
          || !CloseAnswer.PATH.equals(Request.getPathInContext(request))) {
        response.setStatus(HttpStatus.NOT_FOUND_404);
        callback.succeeded();
        return true;
      }
      response.setStatus(HttpStatus.OK_200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, CloseAnswer.CONTENT_TYPE);
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, contentLength);
      // A fresh wrapper per call: Jetty consumes the buffer's position while writing.
      response.write(true, ByteBuffer.wrap(answer), callback);
      return true;
    }
  }
}
