package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Outside the close endpoint: unknown paths answer 404 and wrong methods 405, both with a short JSON error. */
class RoutingAcceptanceTest {

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance();

  private CloseClient client;

  @BeforeEach
  void connect(DeepCleerMock mock) {
    client = new CloseClient(mock.baseUrl());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"GET, /", "GET, /nope", "POST, /nope", "POST, /finish_videostream/v3", "POST, /videostream/v5",
      "POST, /finish_videostream", "DELETE, /finish_videostream/v4/extra"})
  void unknownPathAnswers404WithAShortJsonError(String method, String path) {
    HttpResponse<String> response = client.send(client.request(path)
        .method(method, HttpRequest.BodyPublishers.ofString("{}")).build());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(CloseClient.JSON_UTF8);
    assertThat(response.body()).isEqualTo("{\"error\":\"path: no such endpoint\"}");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
  void wrongMethodOnTheClosePathAnswers405WithAShortJsonError(String method) {
    HttpResponse<String> response = client.send(client.request(VendorEndpoints.CLOSE_PATH)
        .method(method, HttpRequest.BodyPublishers.ofString(
            "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"r\"}")).build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(CloseClient.JSON_UTF8);
    assertThat(response.body()).isEqualTo("{\"error\":\"method: only POST is allowed\"}");
  }
}
