package io.github.deepcleermock.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.deepcleermock.client.api.VideostreamApi;
import io.github.deepcleermock.client.model.FinishVideoStreamRequest;
import io.github.deepcleermock.client.model.FinishVideoStreamResponse;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generated client against WireMock: what goes on the wire and how each answer decodes. */
class FinishVideoStreamAcceptanceTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/finish_videostream/v4";
  private static final String CALL_ID = "a78eef377079acc6cdec24967ecde722";

  private static VideostreamApi client(String base) {
    return DeepCleerClients.create(URI.create(base), Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  private static VideostreamApi client() {
    return client("http://127.0.0.1:" + wm.getPort());
  }

  private static String answer(int code, String message) {
    return "{\"requestId\":\"" + CALL_ID + "\",\"code\":" + code + ",\"message\":\"" + message + "\"}";
  }

  private static LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  @Test
  void sendsExactlyAccessKeyAndRequestIdAsUtf8JsonToTheClosePath() throws Exception {
    wm.stubFor(post(PATH).willReturn(okJson(answer(1100, "Success"))));
    // Non-ASCII id: the bytes on the wire prove the encoding (both fields may be any string within the limits).
    String requestId = "流媒体-😀";

    client().finishVideoStream(new FinishVideoStreamRequest().accessKey("YOUR_ACCESS_KEY").requestId(requestId));

    LoggedRequest request = onlyRequest();
    assertThat(request.getMethod().getName()).isEqualTo("POST");
    assertThat(request.getUrl()).isEqualTo(PATH);
    assertThat(request.getHeader("Content-Type")).matches("application/json(;\\s*charset=(?i)utf-8)?");
    String body = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(request.getBody()))
        .toString();
    JsonNode expected = JSON.createObjectNode().put("accessKey", "YOUR_ACCESS_KEY").put("requestId", requestId);
    assertThat(JSON.readTree(body)).isEqualTo(expected);
  }

  @Test
  void speaksHttp11WithoutOfferingAnH2cUpgrade() throws Exception {
    wm.stubFor(post(PATH).willReturn(okJson(answer(1100, "Success"))));

    client().finishVideoStream(new FinishVideoStreamRequest().accessKey("k").requestId("r1"));

    LoggedRequest request = onlyRequest();
    assertThat(request.getProtocol()).isEqualTo("HTTP/1.1");
    assertThat(request.containsHeader("Upgrade")).as("Upgrade header present").isFalse();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "1100, Success, SUCCESS",
      "1901, QPS limit exceeded, QPS_LIMIT_EXCEEDED",
      "1902, Invalid parameters, INVALID_PARAMETERS",
      "1903, Service failure, SERVICE_FAILURE",
      "1904, Stream count limit exceeded, STREAM_COUNT_LIMIT_EXCEEDED",
      "9101, Unauthorized operation, UNAUTHORIZED_OPERATION",
  })
  void eachDocumentedCodeDecodesAndMapsToItsResultCode(int code, String message, ResultCode expected)
      throws Exception {
    wm.stubFor(post(PATH).willReturn(okJson(answer(code, message))));

    FinishVideoStreamResponse response = client()
        .finishVideoStream(new FinishVideoStreamRequest().accessKey("k").requestId("r1"));

    assertThat(response.getRequestId()).isEqualTo(CALL_ID);
    assertThat(response.getCode()).isEqualTo(code);
    assertThat(response.getMessage()).isEqualTo(message);
    assertThat(ResultCode.of(response.getCode())).isEqualTo(new ResultCode.Code(expected, code));
  }

  @Test
  void anUndocumentedCodeStillDecodesAndMapsToUnknownKeepingTheRawValue() throws Exception {
    wm.stubFor(post(PATH).willReturn(okJson(answer(1999, "Something new"))));

    FinishVideoStreamResponse response = client()
        .finishVideoStream(new FinishVideoStreamRequest().accessKey("k").requestId("r1"));

    assertThat(response.getCode()).isEqualTo(1999);
    assertThat(response.getMessage()).isEqualTo("Something new");
    ResultCode.Code code = ResultCode.of(response.getCode());
    assertThat(code.value()).isEqualTo(ResultCode.UNKNOWN);
    assertThat(code.raw()).isEqualTo(1999);
  }

  @Test
  void fieldsTheSpecDoesNotKnowAreIgnored() throws Exception {
    wm.stubFor(post(PATH).willReturn(okJson(
        "{\"requestId\":\"" + CALL_ID + "\",\"code\":1100,\"message\":\"Success\",\"detail\":{\"x\":1}}")));

    FinishVideoStreamResponse response = client()
        .finishVideoStream(new FinishVideoStreamRequest().accessKey("k").requestId("r1"));

    assertThat(response.getCode()).isEqualTo(1100);
  }

  @Test
  void aBaseUriWithATrailingSlashStillPostsToTheClosePath() throws Exception {
    wm.stubFor(post(PATH).willReturn(okJson(answer(1100, "Success"))));

    client("http://127.0.0.1:" + wm.getPort() + "/")
        .finishVideoStream(new FinishVideoStreamRequest().accessKey("k").requestId("r1"));

    assertThat(onlyRequest().getUrl()).isEqualTo(PATH);
  }

  @Test
  void aBaseUriWithAPathPrefixKeepsThePrefix() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/gateway" + PATH)).willReturn(okJson(answer(1100, "Success"))));

    client("http://127.0.0.1:" + wm.getPort() + "/gateway/")
        .finishVideoStream(new FinishVideoStreamRequest().accessKey("k").requestId("r1"));

    assertThat(onlyRequest().getUrl()).isEqualTo("/gateway" + PATH);
  }
}
