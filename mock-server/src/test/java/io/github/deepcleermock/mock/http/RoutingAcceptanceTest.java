package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outside the close endpoint: vendor-looking paths answer in the vendor's format (1902, HTTP 404 or 405) and are
 * journaled; other paths answer a short JSON 404. No path or method gets a 5xx.
 */
class RoutingAcceptanceTest {

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance();

  private DeepCleerMock mock;
  private CloseClient client;

  @BeforeEach
  void connect(DeepCleerMock mock) {
    this.mock = mock;
    client = new CloseClient(mock.baseUrl());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"GET, /", "GET, /nope", "POST, /nope", "POST, /finish_videostreamx", "POST, /__admin/nope"})
  void unknownPathAnswers404WithAShortJsonError(String method, String path) {
    HttpResponse<String> response = client.send(client.request(path)
        .method(method, HttpRequest.BodyPublishers.ofString("{}")).build());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(CloseClient.JSON_TYPE);
    assertThat(response.body()).isEqualTo("{\"error\":\"path: no such endpoint\"}");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"POST, /finish_videostream/v4/", "POST, /finish_videostream/v3", "POST, /finish_videostream",
      "POST, /finish_videostream/v4/extra", "DELETE, /finish_videostream/v4/extra", "POST, /videostream/v5",
      "POST, /finish_videostream//v4", "PUT, /videostream"})
  void vendorLookingPathAnswersTheVendorsShapeWith404AndIsJournaled(String method, String path) {
    HttpResponse<String> response = client.send(client.request(path)
        .method(method, HttpRequest.BodyPublishers.ofString(
            "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"r\"}")).build());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(CloseClient.JSON_TYPE);
    assertThat(response.body()).matches("\\{\"requestId\":\"[0-9a-f]{32}\",\"code\":1902,"
        + "\"message\":\"Invalid parameters\"}");
    assertThat(response.headers().firstValue(VendorEndpoint.REASON_HEADER).orElseThrow())
        .startsWith("path: no such endpoint");
    JournalEntry entry = mock.journal().all().get(0);
    assertThat(entry.method()).isEqualTo(method);
    assertThat(entry.path()).isEqualTo(path);
    assertThat(entry.code()).isEqualTo(1902);
    assertThat(entry.bodyText()).isEqualTo("{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"r\"}");
  }

  @Test
  void trailingSlashOnTheClosePathIsNeverAServerError() throws Exception {
    // It answered HTTP 500 {"error":"internal: IllegalStateException"} with a stack trace in the log, unjournaled.
    try (RawHttp raw = new RawHttp(mock.port())) {
      byte[] body = "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"r\"}".getBytes(StandardCharsets.US_ASCII);
      raw.send("POST /finish_videostream/v4/ HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n",
          body);

      RawHttp.Response response = raw.readResponse();

      assertThat(response.status()).isEqualTo(404);
      assertThat(response.body()).contains("\"code\":1902");
    }
    assertThat(mock.journal().all()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
  void wrongMethodOnTheClosePathAnswers405InTheVendorsShape(String method) {
    HttpResponse<String> response = client.send(client.request(VendorEndpoint.CLOSE_PATH)
        .method(method, HttpRequest.BodyPublishers.ofString(
            "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"r\"}")).build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    assertThat(response.headers().firstValue("Content-Type")).hasValue(CloseClient.JSON_TYPE);
    assertThat(response.body()).contains("\"code\":1902");
    assertThat(response.headers().firstValue(VendorEndpoint.REASON_HEADER))
        .hasValue("method: only POST is allowed on /finish_videostream/v4");
    assertThat(mock.journal().all().get(0).method()).isEqualTo(method);
  }
}
