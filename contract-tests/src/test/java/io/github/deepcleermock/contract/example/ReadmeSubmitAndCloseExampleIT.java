package io.github.deepcleermock.contract.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.client.DeepCleerClients;
import io.github.deepcleermock.client.ResultCode;
import io.github.deepcleermock.client.api.VideostreamApi;
import io.github.deepcleermock.client.invoker.ApiException;
import io.github.deepcleermock.client.model.FinishVideoStreamRequest;
import io.github.deepcleermock.client.model.SubmitVideoStreamData;
import io.github.deepcleermock.client.model.SubmitVideoStreamRequest;
import io.github.deepcleermock.client.model.SubmitVideoStreamResponse;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import io.github.deepcleermock.mock.streams.StreamState;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the README's "Submit and close" client example word for word against a real mock, and checks the README
 * still shows it. In its own package, as a user's code would be.
 */
class ReadmeSubmitAndCloseExampleIT {

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance();

  private String baseUrl;
  private DeepCleerMock mock;

  @BeforeEach
  void connect(DeepCleerMock mock) {
    this.mock = mock;
    baseUrl = mock.baseUrl();
  }

  @Test
  void readmeExample() throws ApiException {
    VideostreamApi api = DeepCleerClients.create(URI.create(baseUrl));
    SubmitVideoStreamRequest submit = new SubmitVideoStreamRequest()
        .accessKey("YOUR_ACCESS_KEY").appId("defaulttest").eventId("VIDEOSTREAM")
        .imgType("POLITY_EROTIC_ADVERT").audioType("NONE")
        .imgCallback("http://127.0.0.1:9000/callbacks/img")
        .data(new SubmitVideoStreamData()
            .streamType(SubmitVideoStreamData.StreamTypeEnum.NORMAL)
            .url("rtmp://live.example.com/live/room-1")
            .tokenId("user-1"));
    SubmitVideoStreamResponse submitted = api.submitVideoStream(submit);
    if (ResultCode.of(submitted.getCode()).value() != ResultCode.SUCCESS) {
      throw new IllegalStateException("submit refused: " + submitted.getCode() + " " + submitted.getMessage());
    }
    // A duplicate submit starts nothing: detail.dupRequestId names the task that already runs.
    String taskId = submitted.getDetail() == null
        ? submitted.getRequestId()
        : submitted.getDetail().getDupRequestId();
    api.finishVideoStream(new FinishVideoStreamRequest().accessKey("YOUR_ACCESS_KEY").requestId(taskId));
  }

  @Test
  void readmeExampleOpensAStreamAndClosesIt() throws ApiException {
    readmeExample();

    assertThat(mock.streams().list(null, null)).singleElement()
        .satisfies(s -> assertThat(s.state()).isEqualTo(StreamState.CLOSED));
  }

  @Test
  void readmeExampleClosesTheRunningTaskWhenItsSubmitIsADuplicate() throws ApiException {
    readmeExample();
    // Open the stream again, then run the example: its submit is now the duplicate.
    VideostreamApi api = DeepCleerClients.create(URI.create(baseUrl));
    var reopened = api.submitVideoStream(new SubmitVideoStreamRequest()
        .accessKey("YOUR_ACCESS_KEY").appId("defaulttest").eventId("VIDEOSTREAM")
        .imgType("POLITY_EROTIC_ADVERT").audioType("NONE").imgCallback("http://127.0.0.1:9000/callbacks/img")
        .data(new SubmitVideoStreamData().streamType(SubmitVideoStreamData.StreamTypeEnum.NORMAL)
            .url("rtmp://live.example.com/live/room-1").tokenId("user-1")));

    readmeExample();

    assertThat(mock.streams().find(reopened.getRequestId()).orElseThrow().state()).isEqualTo(StreamState.CLOSED);
    assertThat(mock.streams().activeCount("YOUR_ACCESS_KEY")).isZero();
  }

  @Test
  void readmeShowsThisTestsExampleWordForWord() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    String section = readme.substring(readme.indexOf("## Submit and close"));
    section = section.substring(0, section.indexOf("\n## ", 5));
    List<String> javaBlocks = new ArrayList<>();
    Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
    while (m.find()) {
      javaBlocks.add(m.group(1));
    }
    String source = Files.readString(
        Path.of("src/test/java/io/github/deepcleermock/contract/example/ReadmeSubmitAndCloseExampleIT.java"));

    assertThat(javaBlocks).isNotEmpty();
    assertThat(bodyOf(source, "void readmeExample() throws ApiException {")).isEqualTo(javaBlocks.get(0));
  }

  private static String bodyOf(String source, String signature) {
    int start = source.indexOf(signature);
    int from = source.indexOf('\n', start) + 1;
    int to = source.indexOf("\n  }\n", from) + 1;
    StringBuilder body = new StringBuilder();
    for (String line : source.substring(from, to).split("\n")) {
      body.append(line.startsWith("    ") ? line.substring(4) : line.strip()).append('\n');
    }
    return body.toString();
  }
}
