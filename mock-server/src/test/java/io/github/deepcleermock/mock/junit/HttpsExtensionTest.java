package io.github.deepcleermock.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension's HTTPS option: the mock serves HTTPS and a test can take the SSL context that trusts it. */
class HttpsExtensionTest {

  @RegisterExtension
  static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance().https();

  @Test
  void aTestTakesTheTrustingSslContextAndClosesOverHttps(DeepCleerMock mock, SSLContext tls) throws Exception {
    HttpResponse<String> answer =
        HttpClient.newBuilder().sslContext(tls).build().send(
            HttpRequest.newBuilder(URI.create(deepcleer.httpsBaseUrl() + "/finish_videostream/v4"))
                .POST(HttpRequest.BodyPublishers.ofString(
                    "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"1639824316368\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(deepcleer.httpsBaseUrl()).isEqualTo(mock.httpsBaseUrl()).startsWith("https://");
    assertThat(answer.body()).contains("\"code\":1100");
    assertThat(mock.journal().all()).hasSize(1);
  }
}
