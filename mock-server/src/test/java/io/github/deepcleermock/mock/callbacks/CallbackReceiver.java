package io.github.deepcleermock.mock.callbacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP receiver for stream-end callbacks on a free loopback port (the JDK's HttpServer: WireMock's Jetty 11
 * cannot share this module's classpath with Javalin's Jetty 12). It records every request and answers the scripted
 * statuses in order, then 200; in hanging mode it holds every request until {@link #release()}.
 */
public final class CallbackReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request the receiver got. */
  public record Received(String path, String contentType, JsonNode body, String mockStream) {}

  private final HttpServer server;
  private final ExecutorService threads;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  /** Guarded by itself. */
  private final Deque<Integer> script = new ArrayDeque<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile boolean hanging;

  private final String scheme;

  private CallbackReceiver(SSLContext tls) throws IOException {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    // A deep accept queue: a burst of callbacks must not find the receiver's door shut (the default is 50).
    if (tls == null) {
      server = HttpServer.create(address, 1024);
      scheme = "http";
    } else {
      HttpsServer https = HttpsServer.create(address, 1024);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      server = https;
      scheme = "https";
    }
    // One thread per request, so a hanging request never stops the receiver from taking the next one.
    threads = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "callback-receiver");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a receiver that answers 200 until told otherwise. */
  public static CallbackReceiver start() {
    try {
      return new CallbackReceiver(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts an https receiver presenting the key and certificate of {@code tls}; it answers 200 until told otherwise. */
  public static CallbackReceiver startHttps(SSLContext tls) {
    try {
      return new CallbackReceiver(tls);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL of {@code path} on this receiver. */
  public String url(String path) {
    return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next requests get these statuses, in order; later ones get 200. */
  public CallbackReceiver answer(int... statuses) {
    synchronized (script) {
      for (int status : statuses) {
        script.add(status);
      }
    }
    return this;
  }

  /** From now on every request is held without an answer until {@link #release()}. */
  public CallbackReceiver hang() {
    hanging = true;
    return this;
  }

  /** Lets held requests finish (they get 200). */
  public void release() {
    released.countDown();
  }

  /** Every request so far, in arrival order. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Requests that arrived so far (held ones included). */
  public int count() {
    return received.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(new Received(
          exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders().getFirst("Content-Type"),
          JSON.readTree(new String(body, StandardCharsets.UTF_8)),
          exchange.getRequestHeaders().getFirst("X-Mock-Stream")));
      if (hanging) {
        try {
          released.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      int status;
      synchronized (script) {
        status = script.isEmpty() ? 200 : script.poll();
      }
      if (status == 204) {
        exchange.sendResponseHeaders(204, -1);
      } else {
        byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
      }
    }
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
