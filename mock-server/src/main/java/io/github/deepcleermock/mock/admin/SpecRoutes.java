package io.github.deepcleermock.mock.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The specs as packaged by api-spec ({@code GET /__admin/openapi.yaml}, {@code /__admin/admin-openapi.yaml}) and a
 * reference page of both ({@code /__admin/docs/}) rendered by the Swagger UI webjar, all served from the classpath:
 * the page works offline and loads nothing from another host.
 */
final class SpecRoutes {

  static final String DOCS = "/docs/";
  private static final String SPEC_DIR = "deepcleer/videostream/v4/";
  private static final String PAGE_DIR = "io/github/deepcleermock/mock/admin/docs/";
  private static final Map<String, String> TYPES =
      Map.of(
          "js", "text/javascript;charset=utf-8",
          "css", "text/css;charset=utf-8",
          "png", "image/png",
          // Exactly the spec's media type (admin-openapi.yaml); the page declares its charset itself.
          "html", "text/html");

  private final String webjarDir;
  /** Files read once: they never change while the jar runs. */
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  SpecRoutes() {
    this.webjarDir = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
  }

  void register(RoutesConfig routes, String prefix) {
    routes.get(prefix + "/openapi.yaml", ctx -> yaml(ctx, "openapi.yaml"));
    routes.get(prefix + "/admin-openapi.yaml", ctx -> yaml(ctx, "admin-openapi.yaml"));
    // Javalin ignores trailing slashes when matching, so one route serves both: the page's relative asset paths
    // need the slash, so its absence is answered with a redirect.
    routes.get(prefix + DOCS, ctx -> {
      if (ctx.path().endsWith("/")) {
        file(ctx, PAGE_DIR + "index.html", "html");
      } else {
        ctx.redirect(prefix + DOCS);
      }
    });
    routes.get(prefix + DOCS + "index.html", ctx -> file(ctx, PAGE_DIR + "index.html", "html"));
    routes.get(prefix + DOCS + "reference.js", ctx -> file(ctx, PAGE_DIR + "reference.js", "js"));
    routes.get(prefix + DOCS + "swagger-ui/{file}", ctx -> {
      String name = ctx.pathParam("file");
      String extension = name.substring(name.lastIndexOf('.') + 1);
      // Only plain asset names: no way out of the webjar's folder, nothing but the types a page loads.
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9.-]*") || !TYPES.containsKey(extension)) {
        throw new NoSuchElementException("file: no such asset '" + name + "'");
      }
      file(ctx, webjarDir + name, extension);
    });
  }

  private void yaml(Context ctx, String name) {
    ctx.status(200).contentType("application/yaml").result(read(SPEC_DIR + name, name));
  }

  private void file(Context ctx, String resource, String extension) {
    ctx.status(200).contentType(TYPES.get(extension)).result(read(resource, resource.substring(resource.lastIndexOf('/') + 1)));
  }

  private byte[] read(String resource, String name) {
    byte[] bytes = cache.computeIfAbsent(resource, SpecRoutes::load);
    if (bytes.length == 0) {
      throw new NoSuchElementException("file: no such asset '" + name + "'");
    }
    return bytes;
  }

  private static byte[] load(String resource) {
    try (InputStream in = SpecRoutes.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String swaggerUiVersion() {
    Properties properties = new Properties();
    try (InputStream in =
        SpecRoutes.class.getClassLoader().getResourceAsStream(PAGE_DIR + "swagger-ui.properties")) {
      if (in == null) {
        throw new IllegalStateException("swagger-ui.properties is missing from the mock's jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }
}
