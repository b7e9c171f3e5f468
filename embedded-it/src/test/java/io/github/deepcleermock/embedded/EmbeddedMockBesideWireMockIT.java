package io.github.deepcleermock.embedded;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.util.Jetty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The relocated embedded jar and WireMock's main artifact (unrelocated Jetty 11) serve side by side in one JVM,
 * where the thin mock-server jar fails with {@code NoSuchMethodError: Handler$Wrapper.installBean}.
 */
class EmbeddedMockBesideWireMockIT {

  private static final String VENDOR_EXAMPLE =
      "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"1639824316368\"}";

  @RegisterExtension static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance();

  private static WireMockServer wireMock;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startWireMock() {
    wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    wireMock.start();
    wireMock.stubFor(get(urlEqualTo("/other-service")).willReturn(okJson("{\"ok\":true}")));
  }

  @AfterAll
  static void stopWireMock() {
    wireMock.stop();
  }

  @Test
  void theClasspathHoldsJetty11UnrelocatedAndNoJavalinOrJetty12() {
    // Guards the premise: with wiremock-standalone or the thin mock-server jar this test would prove nothing.
    assertThat(Jetty.VERSION).startsWith("11.");
    assertThatThrownBy(() -> Class.forName("io.javalin.Javalin"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(DeepCleerMock.class.getProtectionDomain().getCodeSource().getLocation().getPath())
        .contains("mock-server-embedded");
  }

  @Test
  void wireMockAndTheExtensionsMockBothAnswer(DeepCleerMock mock) throws Exception {
    HttpResponse<String> fromWireMock = send(HttpRequest.newBuilder(URI.create(wireMock.baseUrl() + "/other-service")));
    HttpResponse<String> fromMock = closeVendorExample(mock.baseUrl());

    assertThat(fromWireMock.statusCode()).isEqualTo(200);
    assertThat(fromWireMock.body()).isEqualTo("{\"ok\":true}");
    assertThat(fromMock.statusCode()).isEqualTo(200);
    assertThat(fromMock.body()).contains("\"code\":1100", "\"message\":\"Success\"");
    assertThat(mock.journal().all()).extracting(JournalEntry::code).containsExactly(1100);
  }

  @Test
  void theRelocatedJarServesTheDashboardFromItsOwnResources(DeepCleerMock mock) throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/ui/")));
    HttpResponse<String> script = send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/ui/dashboard.js")));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>DeepCleer mock dashboard</title>");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=utf-8");
  }

  @Test
  void aBuilderStartedMockAnswersBesideWireMock() throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      HttpResponse<String> fromMock = closeVendorExample(mock.baseUrl());
      HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/health")));

      assertThat(fromMock.body()).contains("\"code\":1100");
      assertThat(health.body()).contains("\"status\":\"UP\"");
    }
    assertThat(wireMock.isRunning()).isTrue();
  }

  @Test
  void httpsMetricsAndTheReferencePageWorkFromTheRelocatedJar() throws Exception {
    // okhttp-tls, Okio, Kotlin, Micrometer and Prometheus are relocated inside the jar: this proves they still run.
    try (DeepCleerMock mock = DeepCleerMock.builder().https().start()) {
      HttpResponse<String> overTls =
          HttpClient.newBuilder().sslContext(mock.sslContext()).build().send(
              HttpRequest.newBuilder(URI.create(mock.httpsBaseUrl() + "/finish_videostream/v4"))
                  .POST(HttpRequest.BodyPublishers.ofString(VENDOR_EXAMPLE)).build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> metrics = send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/metrics")));
      HttpResponse<String> bundle = send(HttpRequest.newBuilder(
          URI.create(mock.baseUrl() + "/__admin/docs/swagger-ui/swagger-ui-bundle.js")));
      HttpResponse<String> spec = send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/openapi.yaml")));

      assertThat(overTls.body()).contains("\"code\":1100");
      assertThat(metrics.body())
          .contains("deepcleer_mock_requests_total{code=\"1100\",endpoint=\"/finish_videostream/v4\"} 1.0")
          .contains("jvm_memory_used_bytes");
      assertThat(bundle.statusCode()).isEqualTo(200);
      assertThat(spec.body()).startsWith("openapi: 3");
    }
  }

  private HttpResponse<String> closeVendorExample(String baseUrl) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/finish_videostream/v4"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(VENDOR_EXAMPLE)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
