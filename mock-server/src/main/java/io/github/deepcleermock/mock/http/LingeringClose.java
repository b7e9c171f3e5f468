package io.github.deepcleermock.mock.http;

import java.io.InputStream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;

/**
 * Discards what a client still sends of a refused oversized body after its answer went out, so that closing the
 * connection does not reset it.
 *
 * <p>Closing a TCP socket with unread bytes in its receive buffer sends RST, and an RST makes the client's kernel
 * drop the answer it has not read yet: without this, about one client in ten that sent 70 KiB saw "connection
 * reset" instead of the 1902 answer. The decision never waits for the body (the answer is already written); the
 * drain is bounded in bytes, and a short idle timeout frees the thread from a client that declared more than it
 * sends.
 */
final class LingeringClose {

  static final int MAX_DRAIN_BYTES = 8 * 1024 * 1024;
  static final long IDLE_TIMEOUT_MS = 2_000;

  private LingeringClose() {}

  /** A callback that, once the answer is written, drains the rest of the body, then completes {@code done}. */
  static Callback thenDrain(Request request, Callback done) {
    return Callback.from(
        () -> {
          drain(request);
          done.succeeded();
        },
        done::failed);
  }

  private static void drain(Request request) {
    try {
      request.getConnectionMetaData().getConnection().getEndPoint().setIdleTimeout(IDLE_TIMEOUT_MS);
      InputStream in = Content.Source.asInputStream(request);
      byte[] discard = new byte[16 * 1024];
      long drained = 0;
      for (int n = in.read(discard); n >= 0 && drained < MAX_DRAIN_BYTES; n = in.read(discard)) {
        drained += n;
      }
    } catch (Exception e) {
      // The client went away or went quiet; it has its answer either way.
    }
  }
}
