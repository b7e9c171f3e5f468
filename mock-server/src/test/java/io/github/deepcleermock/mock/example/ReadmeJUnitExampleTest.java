package io.github.deepcleermock.mock.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReadmeJUnitExampleTest {

  // One mock for the class on a free port, put back to this baseline before every test.
  @RegisterExtension
  static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
      .configure(builder -> builder
          .account("my-key")
          .stream(StreamSpec.builder().accessKey("my-key").requestId("1639824316368").build()))
      .failOnUnknownStreams(true); // a close of an id the mock does not know fails the test

  @Test
  void closingAnActiveStreamAnswersSuccess(DeepCleerMock mock) throws Exception {
    String answer = close(mock.baseUrl(), "my-key", "1639824316368"); // your code under test goes here

    assertThat(answer).contains("\"code\":1100");
    assertThat(mock.streams().find("1639824316368")).hasValueSatisfying(
        stream -> assertThat(stream.state()).isEqualTo(StreamState.CLOSED));
    assertThat(mock.journal().all()).extracting(JournalEntry::code).containsExactly(1100);
  }

  @Test
  void aServiceFailureIsAnsweredOnceThenTheCloseWorks(DeepCleerMock mock) throws Exception {
    mock.faults().add(FaultSpec.code(FaultMatch.ANY, 1903).withTimes(1));

    assertThat(close(mock.baseUrl(), "my-key", "1639824316368")).contains("\"code\":1903");
    assertThat(close(mock.baseUrl(), "my-key", "1639824316368")).contains("\"code\":1100");
  }

  private static String close(String baseUrl, String accessKey, String requestId) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/finish_videostream/v4"))
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"accessKey\":\"" + accessKey + "\",\"requestId\":\"" + requestId + "\"}"))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
