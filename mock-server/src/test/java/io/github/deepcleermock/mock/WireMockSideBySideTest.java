package io.github.deepcleermock.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The embedded mock and WireMock 3 (standalone artifact) run in one JVM, as they will in users' test suites. */
class WireMockSideBySideTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void embeddedMockAndWireMockServeSideBySideInOneJvm() throws Exception {
    WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wireMock.start();
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      wireMock.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/other-service"))
              .willReturn(okJson("{\"ok\":true}")));

      HttpResponse<String> fromWireMock =
          http.send(
              HttpRequest.newBuilder(URI.create(wireMock.baseUrl() + "/other-service")).build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> fromMock =
          http.send(
              HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/finish_videostream/v4"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"1639824316368\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(fromWireMock.body()).isEqualTo("{\"ok\":true}");
      assertThat(fromMock.statusCode()).isEqualTo(200);
      assertThat(fromMock.body()).contains("\"code\":1100", "\"message\":\"Success\"");
    } finally {
      wireMock.stop();
    }
  }
}
