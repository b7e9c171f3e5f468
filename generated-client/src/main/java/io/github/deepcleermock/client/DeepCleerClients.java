package io.github.deepcleermock.client;

import io.github.deepcleermock.client.api.VideostreamApi;
import io.github.deepcleermock.client.invoker.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds the generated {@link VideostreamApi} for a base URI the caller must name, with the vendor's timeouts.
 *
 * <p>The generated {@link ApiClient} defaults to the first server of the spec, which is the vendor's production
 * cluster; a test double must never reach it by accident, hence the required argument.
 */
public final class DeepCleerClients {

  /** The client timeout the vendor recommends for the close call (it retries internally after 3 s). */
  public static final Duration RECOMMENDED_TIMEOUT = Duration.ofSeconds(7);

  private DeepCleerClients() {}

  /** A client for {@code baseUri} (e.g. {@code http://127.0.0.1:8080}) with 7 s connect and read timeouts. */
  public static VideostreamApi create(URI baseUri) {
    return create(baseUri, RECOMMENDED_TIMEOUT, RECOMMENDED_TIMEOUT);
  }

  /** A client for {@code baseUri} with explicit timeouts (tests use short ones). */
  public static VideostreamApi create(URI baseUri, Duration connectTimeout, Duration readTimeout) {
    return new VideostreamApi(apiClient(baseUri, connectTimeout, readTimeout));
  }

  /** The configured {@link ApiClient}, for callers that need interceptors or other generated-client settings. */
  public static ApiClient apiClient(URI baseUri, Duration connectTimeout, Duration readTimeout) {
    Objects.requireNonNull(baseUri, "baseUri is required: pass the mock's baseUrl(), e.g. http://127.0.0.1:8080");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (!baseUri.isAbsolute() || baseUri.getHost() == null) {
      throw new IllegalArgumentException(
          "baseUri must be absolute, like http://127.0.0.1:8080, but was: " + baseUri);
    }
    String base = baseUri.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    ApiClient client = new ApiClient();
    // HTTP/1.1: java.net.http would otherwise offer an h2c upgrade on every plain-HTTP call.
    client.setHttpClientBuilder(
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout));
    client.setConnectTimeout(connectTimeout);
    client.setReadTimeout(readTimeout);
    client.updateBaseUri(base);
    return client;
  }
}
