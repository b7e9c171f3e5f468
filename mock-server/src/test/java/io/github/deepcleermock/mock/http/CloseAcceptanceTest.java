package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.time.MockClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One close per documented code over real HTTP; every answer is checked by {@link CloseClient#checked}. */
class CloseAcceptanceTest {

  private static final String KEY = "key-1";

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
      .configure(builder -> builder
          .clock(new MockClock())
          .account(Account.of(KEY).withQps(3))
          .account(Account.of("no-finish").withPermissions(Set.of()))
          .account(Account.of("at-limit").withStreamLimitReached(true))
          .stream(StreamSpec.builder().accessKey(KEY).requestId("stream-1").dupRequestIds(List.of("dup-1")).build()));

  private DeepCleerMock mock;
  private CloseClient client;

  @BeforeEach
  void connect(DeepCleerMock mock) {
    this.mock = mock;
    client = new CloseClient(mock.baseUrl());
  }

  @Test
  void closingAnActiveStreamAnswersSuccessWithoutAReason() {
    CloseClient.Answer answer = client.close(KEY, "stream-1");

    assertThat(answer.code()).isEqualTo(1100);
    assertThat(answer.message()).isEqualTo("Success");
    assertThat(answer.reason()).isNull();
    assertThat(mock.streams().find("stream-1").orElseThrow().state()).isEqualTo(StreamState.CLOSED);
    JournalEntry entry = mock.journal().all().get(0);
    assertThat(entry.responseRequestId()).isEqualTo(answer.requestId());
    assertThat(entry.code()).isEqualTo(1100);
    assertThat(entry.unknownStream()).isFalse();
  }

  @Test
  void closingAgainByAliasAnswersSuccessWithAReason() {
    client.close(KEY, "stream-1");

    CloseClient.Answer again = client.close(KEY, "dup-1");

    assertThat(again.code()).isEqualTo(1100);
    assertThat(again.message()).isEqualTo("Success");
    assertThat(again.reason()).contains("stream was already closed");
  }

  @Test
  void closingAnUnknownIdAnswersSuccessAndTheJournalMarksIt() {
    CloseClient.Answer answer = client.close(KEY, "never-seeded");

    assertThat(answer.code()).isEqualTo(1100);
    assertThat(answer.reason()).contains("unknown stream (unknownStream policy: accept)");
    assertThat(mock.journal().all().get(0).unknownStream()).isTrue();
  }

  @Test
  void exhaustedBucketAnswersQpsLimitExceeded() {
    for (int i = 0; i < 3; i++) {
      assertThat(client.close(KEY, "r").code()).isEqualTo(1100);
    }

    CloseClient.Answer answer = client.close(KEY, "r");

    assertThat(answer.code()).isEqualTo(1901);
    assertThat(answer.message()).isEqualTo("QPS limit exceeded");
    assertThat(answer.reason()).contains("token bucket empty: the key allows 3 requests per second");
    mock.clock().advance(Duration.ofMillis(334));
    assertThat(client.close(KEY, "r").code()).as("refilled by the fake clock").isEqualTo(1100);
  }

  @Test
  void missingRequestIdAnswersInvalidParameters() {
    String body = "{\"accessKey\":\"" + KEY + "\"}";
    assertThat(VendorContract.validateRequest(body).getMessages())
        .as("the spec calls it invalid too")
        .anySatisfy(message -> assertThat(message.getKey()).contains("required"));

    CloseClient.Answer answer = client.close(body);

    assertThat(answer.code()).isEqualTo(1902);
    assertThat(answer.message()).isEqualTo("Invalid parameters");
    assertThat(answer.reason()).contains("requestId is missing");
  }

  @Test
  void numericRequestIdAnswersInvalidParameters() {
    String body = "{\"accessKey\":\"" + KEY + "\",\"requestId\":1639824316368}";
    assertThat(VendorContract.validateRequest(body).getMessages())
        .anySatisfy(message -> assertThat(message.getKey()).contains("type"));

    CloseClient.Answer answer = client.close(body);

    assertThat(answer.code()).isEqualTo(1902);
    assertThat(answer.reason()).contains("requestId must be a string, got a number");
  }

  @Test
  void injectedServiceFailureAnswers1903() {
    mock.faults().add(FaultSpec.code(FaultMatch.byAccessKey(KEY), 1903).withTimes(1));

    CloseClient.Answer answer = client.close(KEY, "stream-1");

    assertThat(answer.code()).isEqualTo(1903);
    assertThat(answer.message()).isEqualTo("Service failure");
    assertThat(answer.reason()).startsWith("fault rule fault-");
    assertThat(mock.streams().find("stream-1").orElseThrow().state()).isEqualTo(StreamState.ACTIVE);
    assertThat(client.close(KEY, "stream-1").code()).as("times 1").isEqualTo(1100);
  }

  @Test
  void accountAtItsStreamLimitAnswers1904() {
    CloseClient.Answer answer = client.close("at-limit", "stream-9");

    assertThat(answer.code()).isEqualTo(1904);
    assertThat(answer.message()).isEqualTo("Stream count limit exceeded");
    assertThat(answer.reason()).contains("account flag streamLimitReached is set");
  }

  @Test
  void unregisteredKeyAnswersUnauthorizedOperation() {
    CloseClient.Answer answer = client.close("unknown-key", "stream-1");

    assertThat(answer.code()).isEqualTo(9101);
    assertThat(answer.message()).isEqualTo("Unauthorized operation");
    assertThat(answer.reason()).contains("access key is not registered");
  }

  @Test
  void keyWithoutFinishPermissionAnswersUnauthorizedOperation() {
    CloseClient.Answer answer = client.close("no-finish", "stream-1");

    assertThat(answer.code()).isEqualTo(9101);
    assertThat(answer.reason()).contains("access key lacks the finish permission");
  }

  @Test
  void bodyIsReadAsJsonWhateverTheContentType() {
    byte[] body = ("{\"accessKey\":\"" + KEY + "\",\"requestId\":\"stream-1\"}").getBytes(StandardCharsets.UTF_8);

    for (String contentType : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
      mock.reset();
      CloseClient.Answer answer = CloseClient.checked(client.post(VendorEndpoint.CLOSE_PATH, contentType, body));
      assertThat(answer.code()).as("Content-Type %s", contentType).isEqualTo(1100);
      assertThat(answer.reason()).as("Content-Type %s closed the stream", contentType).isNull();
    }
  }

  @Test
  void formParametersAreNeverRead() {
    CloseClient.Answer answer = CloseClient.checked(client.post(VendorEndpoint.CLOSE_PATH,
        "application/x-www-form-urlencoded",
        ("accessKey=" + KEY + "&requestId=stream-1").getBytes(StandardCharsets.US_ASCII)));

    assertThat(answer.code()).isEqualTo(1902);
    assertThat(answer.reason()).contains("not valid JSON");
  }

  @Test
  void invalidUtf8AnswersInvalidParametersNeverAnError() {
    byte[] body = {'{', '"', 'a', 'c', 'c', 'e', 's', 's', 'K', 'e', 'y', '"', ':', '"', (byte) 0xFF, '"', '}'};

    CloseClient.Answer answer = CloseClient.checked(client.post(VendorEndpoint.CLOSE_PATH, "application/json", body));

    assertThat(answer.code()).isEqualTo(1902);
    assertThat(answer.reason()).contains("not valid UTF-8");
  }

  @Test
  void deeplyNestedBodyAnswersInvalidParameters() {
    CloseClient.Answer answer = client.close("[".repeat(60_000));

    assertThat(answer.code()).isEqualTo(1902);
    assertThat(answer.reason()).contains("nested deeper");
  }

  @Test
  void multiByteValuesTravelAsUtf8() {
    String key = "\uD83D\uDE00".repeat(20);
    mock.accounts().put(Account.of(key));

    assertThat(client.close(key, "\u6d41-1").code()).isEqualTo(1100);
    assertThat(client.close(key + "x", "\u6d41-1").code()).isEqualTo(1902);
    assertThat(mock.journal().all().get(1).accessKey()).isEqualTo(key);
  }

  @Test
  void answerIdsAreFreshForEveryCall() {
    String first = client.close(KEY, "stream-1").requestId();
    String second = client.close(KEY, "stream-1").requestId();

    assertThat(first).isNotEqualTo(second).isNotEqualTo("stream-1");
  }

  @Test
  void vendorsDocumentedExampleAnswersSuccessOnADefaultMock() {
    try (DeepCleerMock defaults = DeepCleerMock.builder().start()) {
      CloseClient.Answer answer = new CloseClient(defaults.baseUrl())
          .close("{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"1639824316368\"}");

      assertThat(answer.code()).isEqualTo(1100);
      assertThat(answer.message()).isEqualTo("Success");
    }
  }
}
