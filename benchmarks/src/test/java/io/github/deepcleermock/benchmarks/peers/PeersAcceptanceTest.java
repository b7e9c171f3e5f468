package io.github.deepcleermock.benchmarks.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class PeersAcceptanceTest {
  private static final String BODY = "{\"accessKey\":\"bench-key\",\"requestId\":\"bench-stream-1\"}";
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void rawJettyAndBareJavalinAnswerTheCloseWithTheSameBytesAndContentType() throws Exception {
    try (RawJettyServer raw = RawJettyServer.start(0);
        BareJavalinServer bare = BareJavalinServer.start(0)) {
      HttpResponse<byte[]> fromJetty = post(raw.port(), CloseAnswer.PATH);
      HttpResponse<byte[]> fromJavalin = post(bare.port(), CloseAnswer.PATH);

      for (HttpResponse<byte[]> r : List.of(fromJetty, fromJavalin)) {
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(CloseAnswer.CONTENT_TYPE);
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
            .matches("\\{\"requestId\":\"[0-9a-f]{32}\",\"code\":1100,\"message\":\"Success\"}");
      }
      assertThat(fromJetty.body()).isEqualTo(fromJavalin.body());
    }
  }

  @Test
  void rawJettyAnswersOtherPathsWith404SoAMisdirectedLoadShowsAsErrors() throws Exception {
    try (RawJettyServer raw = RawJettyServer.start(0)) {
      assertThat(post(raw.port(), "/finish_videostream/v3").statusCode()).isEqualTo(404);
    }
  }

  private HttpResponse<byte[]> post(int port, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(BODY))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
