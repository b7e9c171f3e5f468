package io.github.deepcleermock.benchmarks.load;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A callback receiver for the load run: answers every POST with 200 and counts it; {@code GET /count} answers the
 * count so far. {@code java -cp benchmarks.jar ...CallbackSink <port>}.
 */
public final class CallbackSink {

  private CallbackSink() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    LongAdder received = new LongAdder();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", exchange -> {
      try (exchange) {
        if ("GET".equals(exchange.getRequestMethod()) && "/count".equals(exchange.getRequestURI().getPath())) {
          byte[] body = Long.toString(received.sum()).getBytes(StandardCharsets.US_ASCII);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          return;
        }
        exchange.getRequestBody().readAllBytes();
        received.increment();
        exchange.sendResponseHeaders(200, -1);
      }
    });
    server.start();
    System.out.println("callback sink listening on http://127.0.0.1:" + port);
  }
}
