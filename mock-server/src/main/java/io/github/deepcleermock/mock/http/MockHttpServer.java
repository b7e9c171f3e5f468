package io.github.deepcleermock.mock.http;

import io.github.deepcleermock.mock.admin.AdminApi;
import io.github.deepcleermock.mock.close.ClosePipeline;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.submit.SubmitPipeline;
import io.github.deepcleermock.mock.simulation.Simulation;
import io.github.deepcleermock.mock.time.TimeSource;
import io.github.deepcleermock.mock.tls.ServerIdentity;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Javalin wiring: the close endpoint, the admin API, and JSON answers for unknown paths (404) and wrong
 * methods (405). Everything else about behaviour lives in the feature packages.
 */
public final class MockHttpServer implements AutoCloseable {

  /**
   * Connections the kernel queues before the acceptor takes them. The JDK's default of 50 made bursts of new
   * connections (a test suite's parallel clients) wait for SYN retries of a whole second.
   */
  static final int ACCEPT_QUEUE_SIZE = 1024;

  private static final String JSON = MediaTypes.JSON;

  private final Javalin app;
  /** [0] plain HTTP (null when HTTPS only), [1] HTTPS (null without). */
  private final ServerConnector[] connectors;

  private MockHttpServer(Javalin app, ServerConnector[] connectors) {
    this.app = app;
    this.connectors = connectors;
  }

  /** Where and how HTTPS is served: the listener's port (0 = free), whether HTTP is off, the identity shown. */
  public record Https(int port, boolean only, ServerIdentity identity) {}

  /**
   * Starts a server on {@code host:port} (0 = a free port).
   *
   * @param maxThreads Jetty's worker threads; delayed answers hold none of them
   */
  public static MockHttpServer start(
      String host,
      int port,
      int maxThreads,
      ClosePipeline pipeline,
      SubmitPipeline submitPipeline,
      Journal journal,
      TimeSource time,
      DelayedAnswers delayed,
      AdminApi admin,
      Simulation simulation) {
    return start(host, port, maxThreads, pipeline, submitPipeline, journal, time, delayed, admin, simulation, null);
  }

  /**
   * Starts a server with plain HTTP on {@code host:port} and, when {@code https} is given, an HTTPS listener beside
   * it (or instead of it). Both serve the same handlers: the edge handler and Javalin behind it.
   */
  public static MockHttpServer start(
      String host,
      int port,
      int maxThreads,
      ClosePipeline pipeline,
      SubmitPipeline submitPipeline,
      Journal journal,
      TimeSource time,
      DelayedAnswers delayed,
      AdminApi admin,
      Simulation simulation,
      Https https) {
    ServerConnector[] made = new ServerConnector[2];
    VendorEndpoint close = VendorEndpoint.close(pipeline, journal, time, delayed);
    VendorEndpoint submit = VendorEndpoint.submit(submitPipeline, journal, time, delayed);
    EdgeHandler edge = new EdgeHandler(submit, close, journal, time);
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.startup.startupWatcherEnabled = false;
              // Answers are ~80 bytes: compression would only cost time.
              cfg.http.compressionStrategy = CompressionStrategy.NONE;
              cfg.http.prefer405over404 = true;
              // The edge has read every body already and refuses larger ones with a JSON 413.
              cfg.http.maxRequestSize = EdgeHandler.ADMIN_MAX_BODY_BYTES;
              QueuedThreadPool threads = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads));
              threads.setName("deepcleer-mock-http");
              threads.setDaemon(true);
              cfg.jetty.threadPool = threads;
              if (https == null || !https.only()) {
                cfg.jetty.addConnector((server, httpConfig) -> {
                  ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
                  connector.setHost(host);
                  connector.setPort(port);
                  connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
                  return made[0] = connector;
                });
              }
              if (https != null) {
                cfg.jetty.addConnector((server, httpConfig) -> made[1] = tlsConnector(server, httpConfig, host, https));
              }
              // Jetty caches header fields per connection and by default matches cached values ignoring case:
              // after "Authorization: Bearer t" on a keep-alive connection, "Bearer T" was read as "Bearer t"
              // and passed the admin-token check. Header values are compared exactly here.
              cfg.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
              // Vendor paths are served by a Jetty core handler in front of Javalin's servlet (see EdgeHandler).
              cfg.jetty.modifyServer(server -> {
                server.setHandler(edge);
                server.setErrorHandler(new JsonErrorHandler());
              });
              admin.register(cfg.routes);
              new MediaRoutes(simulation).register(cfg.routes);
              cfg.routes.error(404, ctx -> stray(ctx, 404, "path: no such endpoint", journal, time));
              cfg.routes.error(405, ctx -> stray(ctx, 405, "method: " + ctx.method().name() + " is not allowed here",
                  journal, time));
              cfg.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    org.slf4j.LoggerFactory.getLogger(MockHttpServer.class)
                        .warn("Admin request failed inside the mock", e);
                    answer(ctx, 500, "internal: " + e.getClass().getSimpleName());
                  });
            });
    try {
      // The connector above carries host and port; Javalin adds its own only when there is none.
      MissingLoggerBanner.quietWhile(app::start);
    } catch (RuntimeException e) {
      app.stop();
      throw e;
    }
    return new MockHttpServer(app, made);
  }

  private static ServerConnector tlsConnector(Server server, HttpConfiguration http, String host, Https https) {
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStore(https.identity().keyStore());
    tls.setKeyManagerPassword(new String(https.identity().password()));
    HttpConfiguration secure = new HttpConfiguration(http);
    // No SNI host check: clients reach the mock by IP as often as by name, and a key store file's certificate
    // need not name the host; the client's own hostname verification is what a test exercises.
    secure.addCustomizer(new SecureRequestCustomizer(false));
    ServerConnector connector =
        new ServerConnector(
            server,
            new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
            new HttpConnectionFactory(secure));
    connector.setHost(host);
    connector.setPort(https.port());
    connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
    return connector;
  }

  /** A request to no endpoint or with the wrong method; vendor-side ones are journaled (admin calls never are). */
  private static void stray(Context ctx, int status, String message, Journal journal, TimeSource time) {
    fallback(ctx, status, message);
    if (ctx.path().startsWith(AdminApi.PREFIX) || ctx.path().startsWith(MediaRoutes.PREFIX)) {
      return;
    }
    long started = System.nanoTime();
    // The edge read the body already (bounded, without blocking); this only takes it from memory.
    byte[] body = ctx.bodyAsBytes();
    journal.record(
        new io.github.deepcleermock.mock.journal.JournalEntry(
            journal.claim(), time.epochNanos(), ctx.method().name(), ctx.path(), null, null, null, message, false, null,
            null, System.nanoTime() - started, Journal.keptBody(body, body.length),
            body.length > Journal.MAX_BODY_BYTES));
  }

  private static void fallback(Context ctx, int status, String message) {
    // Error mappers also run for statuses our own handlers set; keep their bodies.
    String result = ctx.result();
    if (result == null || result.isEmpty() || !result.startsWith("{")) {
      answer(ctx, status, message);
    }
  }

  private static void answer(Context ctx, int status, String message) {
    ctx.status(status)
        .contentType(JSON)
        .result(JsonErrors.body(message));
  }

  /** The bound plain-HTTP port. */
  public int port() {
    if (connectors[0] == null) {
      throw new IllegalStateException("this server serves HTTPS only");
    }
    return connectors[0].getLocalPort();
  }

  /** The bound HTTPS port, or -1 without HTTPS. */
  public int httpsPort() {
    return connectors[1] == null ? -1 : connectors[1].getLocalPort();
  }

  @Override
  public void close() {
    app.stop();
  }
}
