package io.github.deepcleermock.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The control plane's error edges: every error is the JSON shape (also for bodies over 1 MiB and for odd path ids
 * Jetty itself refuses), duplicate keys and oversized strings are 400s, callback ports are checked, the Bearer
 * scheme is case-insensitive and two Authorization headers are refused.
 */
class AdminEdgesAcceptanceTest {

  @Test
  void bodyOverOneMebibyteAnswersAJson413() throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      String body = "{\"requestId\":\"r1\",\"accessKey\":\"YOUR_ACCESS_KEY\",\"data\":{\"pad\":\""
          + "x".repeat(1024 * 1024) + "\"}}";

      String response = exchange(mock, "POST /__admin/streams HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
          + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

      assertThat(response).startsWith("HTTP/1.1 413 ").contains("Content-Type: application/json\r\n")
          .endsWith("{\"error\":\"body: exceeds 1048576 bytes\"}");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/__admin/streams/%zz", "/__admin/streams/a%00b", "/__admin/accounts/%E0%A4%A",
      "/__admin/faults/%"})
  void oddPathIdsAnswerAJsonErrorNotHtml(String path) throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      String response = exchange(mock, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

      assertThat(response).matches("(?s)HTTP/1.1 4\\d\\d .*")
          .contains("Content-Type: application/json\r\n")
          .containsPattern("\\{\"error\":\"[a-zA-Z]+: [^\"]+\"}$")
          .doesNotContain("<html");
    }
  }

  @Test
  void overlongPathIdAnswersAJson400() {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      AdminClient.Reply reply = AdminClient.of(mock).raw("GET", "/__admin/streams/" + "x".repeat(2000), null, null);

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.body()).isEqualTo("{\"error\":\"requestId: must be at most 1024 characters\"}");
    }
  }

  @Test
  void duplicateJsonKeysAnswer400() {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      AdminClient.Reply reply = AdminClient.of(mock).raw("POST", "/__admin/faults",
          "{\"code\":1903,\"code\":1100}", null);

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.error()).isEqualTo("body: has a duplicate field; each field may appear once");
      assertThat(mock.faults().list()).isEmpty();
    }
  }

  @Test
  void oversizedStringFieldsAnswer400() {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      AdminClient admin = AdminClient.of(mock);

      AdminClient.Reply message = admin.raw("POST", "/__admin/faults",
          AdminClient.json(Map.of("code", 1903, "message", "m".repeat(1025))), null);
      AdminClient.Reply permissions = admin.raw("PUT", "/__admin/accounts/k",
          AdminClient.json(Map.of("permissions", java.util.Collections.nCopies(101, "finish"))), null);

      assertThat(message.status()).isEqualTo(400);
      assertThat(message.error()).isEqualTo("message: must be at most 1024 characters");
      assertThat(permissions.status()).isEqualTo(400);
      assertThat(permissions.error()).isEqualTo("permissions: must have at most 100 items");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://127.0.0.1:99999/cb", "http://127.0.0.1:0/cb", "http:///cb"})
  void callbackUrlWithABadPortOrNoHostAnswers400(String url) {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      AdminClient.Reply reply = AdminClient.of(mock).raw("POST", "/__admin/streams", AdminClient.json(Map.of(
          "requestId", "r1", "accessKey", "YOUR_ACCESS_KEY", "imgCallback", url, "returnFinishInfo", 1)), null);

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.error()).startsWith("imgCallback: ");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Bearer", "bearer", "BEARER", "bEaReR"})
  void bearerSchemeIsCaseInsensitive(String scheme) throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder().adminToken("s3cret").start()) {
      String response = exchange(mock, "GET /__admin/accounts HTTP/1.1\r\nHost: x\r\nAuthorization: " + scheme
          + " s3cret\r\nConnection: close\r\n\r\n");

      assertThat(response).startsWith("HTTP/1.1 200 ");
    }
  }

  @Test
  void twoAuthorizationHeadersAnswer401EvenIfOneIsRight() throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder().adminToken("s3cret").start()) {
      String response = exchange(mock, "GET /__admin/accounts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer s3cret"
          + "\r\nAuthorization: Bearer s3cret\r\nConnection: close\r\n\r\n");

      assertThat(response).startsWith("HTTP/1.1 401 ").contains("{\"error\":\"authorization: ");
    }
  }

  @Test
  void tokenItselfStaysCaseSensitive() throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder().adminToken("s3cret").start()) {
      String response = exchange(mock, "GET /__admin/accounts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer S3CRET"
          + "\r\nConnection: close\r\n\r\n");

      assertThat(response).startsWith("HTTP/1.1 401 ");
    }
  }

  /** Sends raw bytes (what java.net.http would not: two Authorization headers, bad escapes) and reads to the end. */
  private static String exchange(DeepCleerMock mock, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", mock.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
