package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.submit.SubmitFields;
import io.github.deepcleermock.mock.time.MockClock;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The submit endpoint over real HTTP: answers valid against the spec, duplicates, a real 1904, the journal. */
class SubmitAcceptanceTest {

  private static final String KEY = "key-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
      .configure(builder -> builder.clock(new MockClock()).account(Account.of(KEY).withMaxStreams(2)));

  private DeepCleerMock mock;
  private CloseClient client;

  @BeforeEach
  void connect(DeepCleerMock mock) {
    this.mock = mock;
    client = new CloseClient(mock.baseUrl());
  }

  static ObjectNode body(String url) {
    ObjectNode body = JSON.createObjectNode()
        .put("accessKey", KEY).put("appId", "defaulttest").put("eventId", "VIDEOSTREAM")
        .put("imgType", "POLITY_EROTIC").put("audioType", "NONE").put("imgCallback", "http://client.test/img");
    body.putObject("data").put("streamType", "NORMAL").put("url", url).put("tokenId", "u1");
    return body;
  }

  private JsonNode submit(String json) {
    HttpResponse<String> response =
        client.post(VendorEndpoint.SUBMIT_PATH, "application/json", json.getBytes(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().allValues("Content-Type")).containsExactly(CloseClient.JSON_TYPE);
    VendorContract.assertValidSubmitResponse(response);
    response.headers().firstValue(VendorEndpoint.REASON_HEADER)
        .ifPresent(reason -> assertThat(reason).matches("[\\x20-\\x7E]+"));
    try {
      ObjectNode answer = (ObjectNode) JSON.readTree(response.body());
      response.headers().firstValue(VendorEndpoint.REASON_HEADER).ifPresent(r -> answer.put("_reason", r));
      return answer;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theWholeFlowSubmitDuplicateCloseByDupRequestIdLimitAndSubmitAgain() {
    JsonNode opened = submit(body("rtmp://live.test/live/a").toString());
    String taskId = opened.path("requestId").asText();
    assertThat(opened.path("code").asInt()).isEqualTo(1100);
    assertThat(taskId).matches("[0-9a-f]{32}");
    assertThat(opened.has("detail")).isFalse();

    JsonNode duplicate = submit(body("rtmp://live.test/live/a").toString());
    assertThat(duplicate.path("code").asInt()).isEqualTo(1100);
    assertThat(duplicate.path("requestId").asText()).isNotEqualTo(taskId).matches("[0-9a-f]{32}");
    assertThat(duplicate.path("detail").path("errorCode").asInt()).isEqualTo(1001);
    assertThat(duplicate.path("detail").path("dupRequestId").asText()).isEqualTo(taskId);

    assertThat(client.close(KEY, duplicate.path("detail").path("dupRequestId").asText()).code()).isEqualTo(1100);
    assertThat(mock.streams().find(taskId).orElseThrow().state()).isEqualTo(StreamState.CLOSED);

    String b = submit(body("rtmp://live.test/live/b").toString()).path("requestId").asText();
    submit(body("rtmp://live.test/live/c").toString());
    JsonNode full = submit(body("rtmp://live.test/live/d").toString());
    assertThat(full.path("code").asInt()).isEqualTo(1904);
    assertThat(full.path("message").asText()).isEqualTo("Stream count limit exceeded");
    assertThat(full.path("_reason").asText()).isEqualTo("account has 2 ACTIVE streams, its maxStreams is 2");

    client.close(KEY, b);
    assertThat(submit(body("rtmp://live.test/live/d").toString()).path("code").asInt()).isEqualTo(1100);
  }

  @Test
  void theJournalRecordsBothEndpointsAndFiltersByPath() {
    JsonNode opened = submit(body("rtmp://live.test/live/a").toString());
    client.close(KEY, opened.path("requestId").asText());

    List<JournalEntry> all = mock.journal().all();
    assertThat(all).extracting(JournalEntry::path).containsExactly("/finish_videostream/v4", "/videostream/v4");
    JournalEntry submitEntry = all.get(1);
    assertThat(submitEntry.requestId()).isEqualTo(opened.path("requestId").asText());
    assertThat(submitEntry.responseRequestId()).isEqualTo(opened.path("requestId").asText());
    assertThat(submitEntry.accessKey()).isEqualTo(KEY);
    var onlySubmits = client.send(client.request("/__admin/requests?path=/videostream/v4").GET().build());
    assertThat(onlySubmits.body()).contains("/videostream/v4").doesNotContain("/finish_videostream/v4");
  }

  @Test
  void theAdminStreamViewShowsTheSubmittedBodyAndTheRunningSimulation() throws IOException {
    ObjectNode body = body("rtmp://live.test/live/a");
    String id = submit(body.toString()).path("requestId").asText();

    var view = client.send(client.request("/__admin/streams/" + id).GET().build());

    assertThat(JSON.readTree(view.body()).path("submitted")).isEqualTo(body);
    assertThat(JSON.readTree(view.body()).path("simulation").path("running").asBoolean())
        .as("a submitted stream's simulation starts when it opens").isTrue();
  }

  @Test
  void aSubmitBodyLargerThanCloseAllowsButWithinTheSubmitLimitIsRead() {
    ObjectNode body = body("rtmp://live.test/live/a");
    ((ObjectNode) body.get("data")).put("liveTitle", "t".repeat(200_000));

    JsonNode answer = submit(body.toString());

    assertThat(answer.path("code").asInt()).isEqualTo(1100);
  }

  @Test
  void aSubmitBodyOverOneMebibytePlus64KibIs1902AndClosesTheConnection() {
    byte[] big = new byte[SubmitFields.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');

    HttpResponse<String> response = client.post(VendorEndpoint.SUBMIT_PATH, "application/json", big);

    assertThat(response.body()).contains("\"code\":1902");
    assertThat(response.headers().firstValue(VendorEndpoint.REASON_HEADER))
        .hasValue("body exceeds " + SubmitFields.MAX_BODY_BYTES + " bytes");
    assertThat(response.headers().firstValue("Connection")).hasValue("close");
  }

  @Test
  void acceptLangZhAnswersInChineseOverTheWire() {
    JsonNode answer = submit(body("rtmp://live.test/live/a").put("acceptLang", "zh").toString());

    assertThat(answer.path("message").asText()).isEqualTo("成功");
  }

  @Test
  void aWrongMethodOnTheSubmitPathIs405InTheVendorsShape() {
    var response = client.send(client.request(VendorEndpoint.SUBMIT_PATH).GET().build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.body()).contains("\"code\":1902");
    assertThat(response.headers().firstValue(VendorEndpoint.REASON_HEADER))
        .hasValue("method: only POST is allowed on /videostream/v4");
  }
}
