package io.github.deepcleermock.client;

import io.github.deepcleermock.client.api.VideostreamApi;
import io.github.deepcleermock.client.invoker.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Builds the generated {@link VideostreamApi} for a base URI the caller must name, with the vendor's timeouts.
 *
 * <p>The generated {@link ApiClient} defaults to the first server of the spec, which is the vendor's production
 * cluster; a test double must never reach it by accident, hence the required argument. The returned client also
 * turns a 200 answer without a body or without {@code code} into an {@code ApiException}: the generated code would
 * hand back {@code null} or a response without a code, which a caller could mistake for a result.
 */
public final class DeepCleerClients {

  /** The client timeout the vendor recommends for the close call (it retries internally after 3 s). */
  public static final Duration RECOMMENDED_TIMEOUT = Duration.ofSeconds(7);

  private static final String EXAMPLE = "http://127.0.0.1:8080";

  private DeepCleerClients() {}

  /** A client for {@code baseUri} (e.g. {@code http://127.0.0.1:8080}) with 7 s connect and read timeouts. */
  public static VideostreamApi create(URI baseUri) {
    return create(baseUri, RECOMMENDED_TIMEOUT, RECOMMENDED_TIMEOUT);
  }

  /**
   * A client for an {@code https://} {@code baseUri} that trusts what {@code tls} trusts (with the mock:
   * {@code DeepCleerMock.sslContext()}, or a context built from {@code GET /__admin/tls/ca.pem}), with 7 s timeouts.
   */
  public static VideostreamApi create(URI baseUri, SSLContext tls) {
    Objects.requireNonNull(tls, "tls is required (an SSLContext that trusts the server's certificate)");
    return new CheckedVideostreamApi(apiClient(baseUri, tls, RECOMMENDED_TIMEOUT, RECOMMENDED_TIMEOUT));
  }

  /**
   * A client for {@code baseUri} with explicit timeouts (tests use short ones). The read timeout bounds the wait
   * for the response headers, which the service sends together with its small body.
   */
  public static VideostreamApi create(URI baseUri, Duration connectTimeout, Duration readTimeout) {
    return new CheckedVideostreamApi(apiClient(baseUri, connectTimeout, readTimeout));
  }

  /**
   * The configured {@link ApiClient}, for callers that need interceptors or other generated-client settings. A
   * {@code new VideostreamApi(apiClient)} built from it lacks the empty-answer check that {@link #create} adds.
   */
  public static ApiClient apiClient(URI baseUri, Duration connectTimeout, Duration readTimeout) {
    return apiClient(baseUri, null, connectTimeout, readTimeout);
  }

  /**
   * {@link #apiClient(URI, Duration, Duration)} whose TLS connections trust what {@code tls} trusts (null: the
   * JDK's default trust store).
   */
  public static ApiClient apiClient(URI baseUri, SSLContext tls, Duration connectTimeout, Duration readTimeout) {
    String base = checkedBase(baseUri);
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(readTimeout, "readTimeout");
    ApiClient client = new ApiClient();
    // HTTP/1.1: java.net.http would otherwise offer an h2c upgrade on every plain-HTTP call.
    HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
    if (tls != null) {
      http.sslContext(tls);
    }
    client.setHttpClientBuilder(http);
    client.setConnectTimeout(connectTimeout);
    client.setReadTimeout(readTimeout);
    client.updateBaseUri(base);
    return client;
  }

  private static String checkedBase(URI baseUri) {
    Objects.requireNonNull(baseUri,
        "baseUri is required (the generated client would otherwise call the vendor's production cluster): "
            + "pass the mock's base URL, e.g. " + EXAMPLE);
    String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
    if (!baseUri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || baseUri.getHost() == null) {
      throw new IllegalArgumentException(
          "baseUri must be an absolute http:// or https:// URI with a host, like " + EXAMPLE + ", but was: "
              + baseUri);
    }
    // ApiClient.updateBaseUri keeps only scheme, host, port and path: refuse what it would silently drop.
    if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null || baseUri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "baseUri must not carry user info, a query or a fragment (the client would drop them), like " + EXAMPLE
              + ", but was: " + baseUri);
    }
    String base = baseUri.toString();
    // The generated client appends "/finish_videostream/v4" to the base; a trailing slash would double it.
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base;
  }

  private static void requirePositive(Duration timeout, String name) {
    Objects.requireNonNull(timeout, name + " is required");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, but was: " + timeout);
    }
  }
}
