package io.github.deepcleermock.mock.dashboard;

import io.github.deepcleermock.mock.http.MediaTypes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Serves the dashboard's files under {@code /__admin/ui/}. Only a fixed list of files exists (no directory
 * listing, no path from the request ever reaches the class loader).
 */
public final class DashboardRoutes {

  /** Where the dashboard lives; the page itself needs no admin token (it carries no data, it asks for one). */
  public static final String PATH = "/__admin/ui";

  /*
   * Every value the page shows comes from requests that anyone could send the mock, so the page builds its DOM
   * with textContent only, and this policy is the second line: no inline script, no other origin, no framing.
   */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
          + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /**
   * The dashboard's files by name, with the media type each is served as (exactly as admin-openapi.yaml declares
   * it); nothing else is served. Text carries its charset: the files hold non-ASCII characters, and a browser would
   * otherwise guess.
   */
  private static final Map<String, String> FILES = Map.of(
      "index.html", "text/html;charset=utf-8",
      "dashboard.js", "text/javascript;charset=utf-8",
      "dashboard.css", "text/css;charset=utf-8",
      "favicon.svg", "image/svg+xml");

  private final Map<String, DashboardAsset> assets;

  /** Reads the dashboard's files from the classpath; fails if the jar lacks one. */
  public DashboardRoutes() {
    this.assets = FILES.entrySet().stream()
        .map(file -> DashboardAsset.load(file.getKey(), file.getValue()))
        .collect(Collectors.toUnmodifiableMap(DashboardAsset::name, Function.identity()));
  }

  /**
   * Whether a request path names the dashboard page or one of its files, exactly: those hold no data and need no
   * admin token. Any other path under {@link #PATH} is treated like the rest of the admin API.
   */
  public static boolean isDashboardFile(String path) {
    if (path.equals(PATH) || path.equals(PATH + "/")) {
      return true;
    }
    return path.startsWith(PATH + "/") && FILES.containsKey(path.substring(PATH.length() + 1));
  }

  /** Adds the dashboard's routes. */
  public void register(RoutesConfig routes) {
    // Javalin matches this route with and without the trailing slash. The page loads its files by relative URLs,
    // which resolve correctly only under the slash, so the bare path redirects there.
    routes.get(PATH, ctx -> {
      if (ctx.path().endsWith("/")) {
        send(ctx, assets.get("index.html"));
      } else {
        ctx.redirect(PATH + "/");
      }
    });
    routes.get(PATH + "/{file}", ctx -> {
      DashboardAsset asset = assets.get(ctx.pathParam("file"));
      if (asset == null) {
        ctx.status(404)
            .contentType(MediaTypes.JSON)
            .result("{\"error\":\"file: no such dashboard file\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      send(ctx, asset);
    });
  }

  private static void send(Context ctx, DashboardAsset asset) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        // Small files; a page reload after upgrading the mock must not mix old and new scripts.
        .header("Cache-Control", "no-cache")
        .contentType(asset.contentType())
        .result(asset.bytes());
  }
}
