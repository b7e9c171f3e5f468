package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Broken framing is the client's fault: malformed chunks and bodies shorter than their Content-Length answer 1902
 * with a reason (they answered 1903 "Service failure"), and a client that aborts is journaled as aborted.
 */
class FramingAcceptanceTest {

  private static final String HEAD = "POST " + VendorEndpoint.CLOSE_PATH + " HTTP/1.1\r\nHost: x\r\n";

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance();

  private DeepCleerMock mock;

  @BeforeEach
  void connect(DeepCleerMock mock) {
    this.mock = mock;
  }

  @Test
  void malformedChunkSizeAnswersInvalidParameters() throws Exception {
    try (RawHttp raw = new RawHttp(mock.port())) {
      raw.send(HEAD + "Transfer-Encoding: chunked\r\n\r\n", ascii("5\r\n{\"acc\r\nzz\r\nessKey\r\n0\r\n\r\n"));

      RawHttp.Response response = raw.readResponse();

      assertInvalid(response, "body framing is invalid: malformed chunked encoding after 5 bytes");
      assertThat(response.headers()).containsEntry("connection", "close");
    }
  }

  @Test
  void bodyShorterThanItsContentLengthAnswersInvalidParameters() throws Exception {
    try (RawHttp raw = new RawHttp(mock.port())) {
      raw.send(HEAD + "Content-Length: 50\r\n\r\n", ascii("{\"accessKey\":\"YOUR_"));
      raw.finishSending();

      RawHttp.Response response = raw.readResponse();

      assertInvalid(response, "body ended after 19 of 50 declared bytes (shorter than its Content-Length)");
    }
  }

  @Test
  void chunkedBodyWithoutItsLastChunkAnswersInvalidParameters() throws Exception {
    try (RawHttp raw = new RawHttp(mock.port())) {
      raw.send(HEAD + "Transfer-Encoding: chunked\r\n\r\n", ascii("5\r\n{\"acc\r\n"));
      raw.finishSending();

      RawHttp.Response response = raw.readResponse();

      assertInvalid(response, "body ended after 5 bytes without the last chunk");
    }
  }

  @Test
  void abortedRequestIsJournaledAsAbortedNotAsAnAnswer() throws Exception {
    RawHttp raw = new RawHttp(mock.port());
    raw.send(HEAD + "Content-Length: 50\r\n\r\n", ascii("{\"accessKey\":\"YOUR_"));
    raw.reset();

    JournalEntry entry = awaitEntry();

    assertThat(entry.code()).as("no answer reached anyone").isNull();
    assertThat(entry.responseRequestId()).isNull();
    assertThat(entry.reason()).startsWith("client aborted");
    assertThat(entry.bodyText()).isEqualTo("{\"accessKey\":\"YOUR_");
  }

  private void assertInvalid(RawHttp.Response response, String reason) {
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("\"code\":1902", "\"message\":\"Invalid parameters\"");
    assertThat(response.headers()).containsEntry("x-mock-reason", reason);
    JournalEntry entry = awaitEntry();
    assertThat(entry.code()).isEqualTo(1902);
    assertThat(entry.reason()).isEqualTo(reason);
  }

  /** The journal entry is written once the answer went out (or failed): wait for it without sleeping. */
  private JournalEntry awaitEntry() {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      List<JournalEntry> entries = mock.journal().all();
      if (!entries.isEmpty()) {
        return entries.get(0);
      }
      assertThat(System.nanoTime()).as("a journal entry within 10 s").isLessThan(until);
      Thread.onSpinWait();
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
