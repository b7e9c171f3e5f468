package io.github.deepcleermock.mock.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.callbacks.CallbackReceiver;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.time.MockClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's "Embedded Java API" example word for word ({@link ReadmeSnippetsTest} checks the README still
 * shows it), in its own package as a user's code would be.
 */
class ReadmeEmbeddedExampleTest {

  private CallbackReceiver receiver;
  private String callbackUrl;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private PrintStream stdout;

  @BeforeEach
  void receiverAndCapturedOutput() {
    receiver = CallbackReceiver.start().answer(503);
    callbackUrl = receiver.url("/callbacks/img");
    stdout = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(stdout);
    receiver.close();
  }

  /** The code under test in the example: closes a stream and retries once on 1903. */
  private static void closeStream(URI baseUri, String accessKey, String requestId) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/finish_videostream/v4"))
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"accessKey\":\"" + accessKey + "\",\"requestId\":\"" + requestId + "\"}"))
        .build();
    HttpClient http = HttpClient.newHttpClient();
    if (http.send(request, HttpResponse.BodyHandlers.ofString()).body().contains("\"code\":1903")) {
      http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void readmeExample() throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder() // 127.0.0.1, a free port
        .account(Account.of("my-key"))
        .clock(new MockClock()) // time moves only when the test moves it
        .start()) {
      mock.streams().open(StreamSpec.builder()
          .accessKey("my-key")
          .requestId("1639824316368")
          .imgCallback(callbackUrl) // the end callback goes here on close
          .returnFinishInfo(1)
          .build());
      mock.faults().add(FaultSpec.code(FaultMatch.byAccessKey("my-key"), 1903).withTimes(1));

      closeStream(mock.baseUri(), "my-key", "1639824316368"); // the code under test: 1903, retry, 1100

      mock.awaitCallbacksIdle(Duration.ofSeconds(5)); // the end callback is sent asynchronously
      mock.clock().advance(Duration.ofSeconds(5)); // the receiver answered 503: the retry is due after 5 s
      mock.awaitCallbacksIdle(Duration.ofSeconds(5));
      mock.journal().all().forEach(e -> System.out.println(e.code() + " " + e.reason()));
      mock.callbacks().attempts().forEach(a -> System.out.println(a.attempt() + " " + a.outcome()));
      mock.reset(); // back to the builder's baseline: the stream is ACTIVE again, no faults, empty logs
    }
  }

  @Test
  void readmeExamplePrintsWhatTheReadmeSays() throws Exception {
    readmeExample();

    assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
        "1100 null", "1903 fault rule fault-1", "1 FAILED", "2 DELIVERED");
    assertThat(receiver.count()).isEqualTo(2);
  }
}
