package io.github.deepcleermock.mock.admin;

import io.github.deepcleermock.mock.metrics.MockMetrics;
import io.github.deepcleermock.mock.tls.ServerIdentity;
import io.javalin.config.RoutesConfig;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;

/**
 * What operators point other tools at: {@code GET /__admin/metrics} (Prometheus) and {@code GET
 * /__admin/tls/ca.pem} (the certificate HTTPS clients trust). Each answers 404 when its feature is off.
 */
final class SurfaceRoutes {

  static final String CA_PEM = "/tls/ca.pem";
  private static final String PEM = "application/x-pem-file";

  private final MockMetrics metrics;
  private final ServerIdentity tls;

  SurfaceRoutes(MockMetrics metrics, ServerIdentity tls) {
    this.metrics = metrics;
    this.tls = tls;
  }

  void register(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/metrics", ctx -> {
      if (metrics == null) {
        throw new NoSuchElementException("metrics: are off (start the mock with --metrics)");
      }
      ctx.status(200).contentType(MockMetrics.CONTENT_TYPE).result(metrics.scrape().getBytes(StandardCharsets.UTF_8));
    });
    routes.get(prefix + CA_PEM, ctx -> {
      if (tls == null) {
        throw new NoSuchElementException("tls: HTTPS is off (start the mock with --https-port)");
      }
      ctx.status(200).contentType(PEM).result(tls.issuerPem().getBytes(StandardCharsets.US_ASCII));
    });
  }
}
