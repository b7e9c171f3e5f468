package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.close.CloseFields;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bodies over 64 KiB answer 1902 and close the connection without the body being read whole. */
class BodyLimitAcceptanceTest {

  private static final String VALID_HEAD = "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"r-1\",\"pad\":\"";

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance();

  private DeepCleerMock mock;
  private CloseClient client;

  @BeforeEach
  void connect(DeepCleerMock mock) {
    this.mock = mock;
    client = new CloseClient(mock.baseUrl());
  }

  @Test
  void bodyOneByteOverTheLimitAnswersInvalidParametersAndClosesTheConnection() {
    HttpResponse<String> response =
        client.post(VendorEndpoint.CLOSE_PATH, "application/json", validBodyOfSize(CloseFields.MAX_BODY_BYTES + 1));

    CloseClient.Answer answer = CloseClient.checked(response);
    assertThat(answer.code()).isEqualTo(1902);
    assertThat(answer.message()).isEqualTo("Invalid parameters");
    assertThat(answer.reason()).isEqualTo("body exceeds 65536 bytes");
    assertThat(response.headers().firstValue("Connection")).hasValue("close");
    JournalEntry entry = mock.journal().all().get(0);
    assertThat(entry.code()).isEqualTo(1902);
    assertThat(entry.bodyTruncated()).isTrue();
  }

  @Test
  void everyClientSendingAnOversizedBodyGetsTheAnswerNotAReset() {
    // Closing with unread bytes would reset the connection and drop the answer (it did for ~1 in 10 clients).
    for (int i = 0; i < 30; i++) {
      CloseClient fresh = new CloseClient(mock.baseUrl());
      HttpResponse<String> response =
          fresh.post(VendorEndpoint.CLOSE_PATH, "application/json", validBodyOfSize(200_000 + i));

      assertThat(CloseClient.checked(response).code()).as("attempt %d", i).isEqualTo(1902);
      assertThat(response.headers().firstValue("Connection")).hasValue("close");
    }
  }

  @Test
  void bodyExactlyAtTheLimitIsRead() {
    CloseClient.Answer answer = CloseClient.checked(
        client.post(VendorEndpoint.CLOSE_PATH, "application/json", validBodyOfSize(CloseFields.MAX_BODY_BYTES)));

    assertThat(answer.code()).isEqualTo(1100);
  }

  @Test
  void declaredOversizedBodyIsRefusedBeforeItArrives() throws Exception {
    try (RawHttp raw = new RawHttp(mock.port())) {
      // Declares 10 MB but sends 20 bytes: an answer proves the server did not wait for the rest.
      raw.post("Content-Type: application/json\r\nContent-Length: 10000000\r\n",
          "{\"accessKey\":\"YOUR_A".getBytes(StandardCharsets.US_ASCII));

      RawHttp.Response response = raw.readResponse();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.headers()).containsEntry("connection", "close");
      assertThat(response.headers()).containsEntry("x-mock-reason", "body exceeds 65536 bytes");
      assertThat(response.body()).contains("\"code\":1902", "\"message\":\"Invalid parameters\"");
      assertValid(response);
      raw.finishSending();
      assertThat(raw.readToEnd()).as("then the server closes").isEmpty();
    }
  }

  @Test
  void chunkedOversizedBodyIsCutOffAtTheLimit() throws Exception {
    try (RawHttp raw = new RawHttp(mock.port())) {
      // One chunk of 64 KiB + 1 and no terminating chunk: the server must stop reading at the limit.
      int size = CloseFields.MAX_BODY_BYTES + 1;
      byte[] chunk = validBodyOfSize(size);
      byte[] framed = (Integer.toHexString(size) + "\r\n" + new String(chunk, StandardCharsets.US_ASCII) + "\r\n")
          .getBytes(StandardCharsets.US_ASCII);
      raw.post("Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", framed);

      RawHttp.Response response = raw.readResponse();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.headers()).containsEntry("connection", "close");
      assertThat(response.body()).contains("\"code\":1902");
      assertValid(response);
      raw.finishSending();
      assertThat(raw.readToEnd()).as("then the server closes").isEmpty();
    }
  }

  @Test
  void chunkedBodyUnderTheLimitIsRead() {
    HttpRequest request = client.request(VendorEndpoint.CLOSE_PATH)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(validBodyOfSize(5000))))
        .build();

    assertThat(CloseClient.checked(client.send(request)).code()).isEqualTo(1100);
  }

  @Test
  void connectionIsKeptForOrdinaryAnswers() {
    HttpResponse<String> response = client.post(VendorEndpoint.CLOSE_PATH, "application/json",
        "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"r\"}".getBytes(StandardCharsets.US_ASCII));

    assertThat(response.headers().firstValue("Connection")).isEmpty();
  }

  private static void assertValid(RawHttp.Response response) {
    assertThat(VendorContract.validateResponse(
        response.status(), response.headers().get("content-type"), response.body()).getMessages()).isEmpty();
  }

  /** A valid close body padded with spaces inside an extra field to exactly {@code size} bytes. */
  private static byte[] validBodyOfSize(int size) {
    String tail = "\"}";
    String body = VALID_HEAD + " ".repeat(size - VALID_HEAD.length() - tail.length()) + tail;
    byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
    assertThat(bytes).hasSize(size);
    return bytes;
  }
}
