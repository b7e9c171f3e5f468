package io.github.deepcleermock.contract;

import static io.github.deepcleermock.contract.FinishVideoStreamPactTest.VIOLATES;
import static io.github.deepcleermock.contract.PactParticipants.CONSUMER;
import static io.github.deepcleermock.contract.PactParticipants.PROVIDER;
import static io.github.deepcleermock.contract.ProviderStates.ACCESS_KEY_AUTHORIZED;
import static io.github.deepcleermock.contract.ProviderStates.ACCESS_KEY_NOT_AUTHORIZED;
import static io.github.deepcleermock.contract.ProviderStates.QPS_LIMIT_EXHAUSTED;
import static io.github.deepcleermock.contract.ProviderStates.SERVICE_FAILING;
import static io.github.deepcleermock.contract.ProviderStates.STREAM_LIMIT_REACHED_BY_COUNT;
import static io.github.deepcleermock.contract.ProviderStates.STREAM_WITH_URL_ACTIVE;
import static io.github.deepcleermock.contract.SpecConformance.CLOSE_PATH;
import static io.github.deepcleermock.contract.SpecConformance.SUBMIT_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.deepcleermock.client.DeepCleerClients;
import io.github.deepcleermock.client.ResultCode;
import io.github.deepcleermock.client.api.VideostreamApi;
import io.github.deepcleermock.client.invoker.ApiException;
import io.github.deepcleermock.client.model.FinishVideoStreamRequest;
import io.github.deepcleermock.client.model.SubmitVideoStreamData;
import io.github.deepcleermock.client.model.SubmitVideoStreamRequest;
import io.github.deepcleermock.client.model.SubmitVideoStreamResponse;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the generated client expects of the submit endpoint: a stream opens, a duplicate names the running task
 * (which a close by that id then stops), a full account answers 1904 by a real count of ACTIVE streams, and the
 * refusals — into the same V4 pact as the close interactions, verified against the mock through its state URL.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class SubmitVideoStreamPactTest {

  private static final String ID_PATTERN = "^[0-9a-f]{32}$";
  private static final String ID_EXAMPLE = "d05f4270374ca516ce7aafc0139afd25";
  private static final String JSON_CONTENT_TYPE = "application/json(;\\s*charset=(?i:utf-8))?";

  private static final String KEY = "contract-key-1";
  private static final String UNAUTHORIZED_KEY = "revoked-key";
  private static final String URL = "rtmp://live.example.test/live/room-1";
  private static final String RUNNING_ID = "5515ce1f9b474a6c4a3d79a8dfcaeaf4";
  private static final String CALLBACK = "http://client.example.test/callbacks/img";

  // ---- interactions --------------------------------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact submittingAStream(PactDslWithProvider builder) {
    return answers(
        submit(builder.given(ACCESS_KEY_AUTHORIZED, Map.of("accessKey", KEY)), "a submit of a stream",
            body(KEY, "POLITY_EROTIC")),
        1100, "Success").toPact(V4Pact.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact submittingARunningStreamAgainThenClosingItByDupRequestId(PactDslWithProvider builder) {
    Map<String, Object> running = Map.of("accessKey", KEY, "url", URL, "requestId", RUNNING_ID);
    PactDslResponse duplicate = submit(
        builder.given(ACCESS_KEY_AUTHORIZED, Map.of("accessKey", KEY)).given(STREAM_WITH_URL_ACTIVE, running),
        "a submit of a stream that is already being moderated", body(KEY, "POLITY_EROTIC"))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(new PactDslJsonBody()
            .stringMatcher("requestId", ID_PATTERN, ID_EXAMPLE)
            .numberValue("code", 1100)
            .stringValue("message", "Success")
            .object("detail")
            .numberValue("errorCode", 1001)
            .stringValue("dupRequestId", RUNNING_ID)
            .closeObject());
    return duplicate
        .given(ACCESS_KEY_AUTHORIZED, Map.of("accessKey", KEY))
        .given(STREAM_WITH_URL_ACTIVE, running)
        .uponReceiving("a close of a running stream by the dupRequestId a duplicate submit returned")
        .method("POST")
        .path(CLOSE_PATH)
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(new PactDslJsonBody().stringValue("accessKey", KEY).stringValue("requestId", RUNNING_ID))
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(new PactDslJsonBody()
            .stringMatcher("requestId", ID_PATTERN, ID_EXAMPLE)
            .numberValue("code", 1100)
            .stringValue("message", "Success"))
        .toPact(V4Pact.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact submittingWithEveryStreamSlotTaken(PactDslWithProvider builder) {
    return answers(
        submit(builder.given(ACCESS_KEY_AUTHORIZED, Map.of("accessKey", KEY))
                .given(STREAM_LIMIT_REACHED_BY_COUNT, Map.of("accessKey", KEY)),
            "a submit while the access key runs as many streams as it may", body(KEY, "POLITY_EROTIC")),
        1904, "Stream count limit exceeded").toPact(V4Pact.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact submittingOverTheQpsLimit(PactDslWithProvider builder) {
    return answers(
        submit(builder.given(ACCESS_KEY_AUTHORIZED, Map.of("accessKey", KEY))
                .given(QPS_LIMIT_EXHAUSTED, Map.of("accessKey", KEY)),
            "a submit while the access key's QPS limit is exhausted", body(KEY, "POLITY_EROTIC")),
        1901, "QPS limit exceeded").toPact(V4Pact.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact submittingWhileTheServiceFails(PactDslWithProvider builder) {
    return answers(
        submit(builder.given(ACCESS_KEY_AUTHORIZED, Map.of("accessKey", KEY))
                .given(SERVICE_FAILING, Map.of("accessKey", KEY)),
            "a submit while the service is failing", body(KEY, "POLITY_EROTIC")),
        1903, "Service failure").toPact(V4Pact.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact submittingWithAnUnauthorizedKey(PactDslWithProvider builder) {
    return answers(
        submit(builder.given(ACCESS_KEY_NOT_AUTHORIZED, Map.of("accessKey", UNAUTHORIZED_KEY)),
            "a submit with an access key that is not authorized", body(UNAUTHORIZED_KEY, "POLITY_EROTIC")),
        9101, "Unauthorized operation").toPact(V4Pact.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact submittingWithoutAnImgCallback(PactDslWithProvider builder) {
    PactDslJsonBody body = body(KEY, "POLITY_EROTIC", false);
    return answers(
        submit(builder.given(ACCESS_KEY_AUTHORIZED, Map.of("accessKey", KEY)).comment(VIOLATES + "required"),
            "a submit whose body has no imgCallback field", body),
        1902, "Invalid parameters").toPact(V4Pact.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact submittingWithAnOverLongAccessKey(PactDslWithProvider builder) {
    String longKey = "k".repeat(21);
    return answers(
        submit(builder.given(ACCESS_KEY_AUTHORIZED, Map.of("accessKey", KEY)).comment(VIOLATES + "maxLength"),
            "a submit whose accessKey is 21 characters long", body(longKey, "POLITY_EROTIC")),
        1902, "Invalid parameters").toPact(V4Pact.class);
  }

  @Pact(consumer = CONSUMER)
  V4Pact submittingWithAMisspeltImgType(PactDslWithProvider builder) {
    return answers(
        submit(builder.given(ACCESS_KEY_AUTHORIZED, Map.of("accessKey", KEY)).comment(VIOLATES + "pattern"),
            "a submit whose imgType has a token the vendor does not know", body(KEY, "POLITY_EROTICA")),
        1902, "Invalid parameters").toPact(V4Pact.class);
  }

  // ---- the generated client against each interaction -----------------------------------------------------------

  @Test
  @PactTestFor(pactMethod = "submittingAStream")
  void aSubmittedStreamAnswersItsTaskId(MockServer server) throws ApiException {
    SubmitVideoStreamResponse response = client(server).submitVideoStream(request(KEY, "POLITY_EROTIC"));

    assertAnswer(response, ResultCode.SUCCESS);
    assertThat(response.getDetail()).isNull();
  }

  @Test
  @PactTestFor(pactMethod = "submittingARunningStreamAgainThenClosingItByDupRequestId")
  void aDuplicateNamesTheRunningTaskWhichTheClientThenCloses(MockServer server) throws ApiException {
    VideostreamApi api = client(server);

    SubmitVideoStreamResponse duplicate = api.submitVideoStream(request(KEY, "POLITY_EROTIC"));
    String running = duplicate.getDetail().getDupRequestId();
    var closed = api.finishVideoStream(new FinishVideoStreamRequest().accessKey(KEY).requestId(running));

    assertAnswer(duplicate, ResultCode.SUCCESS);
    assertThat(duplicate.getDetail().getErrorCode()).isEqualTo(1001);
    assertThat(running).isEqualTo(RUNNING_ID);
    assertThat(ResultCode.of(closed.getCode()).value()).isEqualTo(ResultCode.SUCCESS);
  }

  @Test
  @PactTestFor(pactMethod = "submittingWithEveryStreamSlotTaken")
  void aFullAccountIsReportedAs1904(MockServer server) throws ApiException {
    assertAnswer(client(server).submitVideoStream(request(KEY, "POLITY_EROTIC")),
        ResultCode.STREAM_COUNT_LIMIT_EXCEEDED);
  }

  @Test
  @PactTestFor(pactMethod = "submittingOverTheQpsLimit")
  void anExhaustedQpsLimitIsReportedAs1901(MockServer server) throws ApiException {
    assertAnswer(client(server).submitVideoStream(request(KEY, "POLITY_EROTIC")), ResultCode.QPS_LIMIT_EXCEEDED);
  }

  @Test
  @PactTestFor(pactMethod = "submittingWhileTheServiceFails")
  void aServiceFailureIsReportedAs1903(MockServer server) throws ApiException {
    assertAnswer(client(server).submitVideoStream(request(KEY, "POLITY_EROTIC")), ResultCode.SERVICE_FAILURE);
  }

  @Test
  @PactTestFor(pactMethod = "submittingWithAnUnauthorizedKey")
  void anUnauthorizedKeyIsReportedAs9101(MockServer server) throws ApiException {
    assertAnswer(client(server).submitVideoStream(request(UNAUTHORIZED_KEY, "POLITY_EROTIC")),
        ResultCode.UNAUTHORIZED_OPERATION);
  }

  @Test
  @PactTestFor(pactMethod = "submittingWithoutAnImgCallback")
  void aMissingImgCallbackIsReportedAs1902(MockServer server) throws ApiException {
    SubmitVideoStreamRequest withoutCallback = new RequestWithoutImgCallback();
    copy(request(KEY, "POLITY_EROTIC"), withoutCallback);
    assertAnswer(client(server).submitVideoStream(withoutCallback), ResultCode.INVALID_PARAMETERS);
  }

  @Test
  @PactTestFor(pactMethod = "submittingWithAnOverLongAccessKey")
  void anOverLongAccessKeyIsReportedAs1902(MockServer server) throws ApiException {
    // The generated client does not enforce maxLength, so the over-long key reaches the wire.
    assertAnswer(client(server).submitVideoStream(request("k".repeat(21), "POLITY_EROTIC")),
        ResultCode.INVALID_PARAMETERS);
  }

  @Test
  @PactTestFor(pactMethod = "submittingWithAMisspeltImgType")
  void aMisspeltImgTypeIsReportedAs1902(MockServer server) throws ApiException {
    assertAnswer(client(server).submitVideoStream(request(KEY, "POLITY_EROTICA")), ResultCode.INVALID_PARAMETERS);
  }

  // ---- helpers -------------------------------------------------------------------------------------------------

  private static au.com.dius.pact.consumer.dsl.PactDslRequestWithPath submit(
      PactDslWithState given, String description, PactDslJsonBody body) {
    return given
        .uponReceiving(description)
        .method("POST")
        .path(SUBMIT_PATH)
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(body);
  }

  private static PactDslResponse answers(
      au.com.dius.pact.consumer.dsl.PactDslRequestWithPath request, int code, String message) {
    return request
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(new PactDslJsonBody()
            .stringMatcher("requestId", ID_PATTERN, ID_EXAMPLE)
            .numberValue("code", code)
            .stringValue("message", message));
  }

  /** The body the generated client sends for {@link #request}: exactly its non-null fields. */
  private static PactDslJsonBody body(String accessKey, String imgType) {
    return body(accessKey, imgType, true);
  }

  private static PactDslJsonBody body(String accessKey, String imgType, boolean withImgCallback) {
    PactDslJsonBody body = new PactDslJsonBody()
        .stringValue("accessKey", accessKey)
        .stringValue("appId", "defaulttest")
        .stringValue("eventId", "VIDEOSTREAM")
        .stringValue("imgType", imgType)
        .stringValue("audioType", "NONE");
    if (withImgCallback) {
      body.stringValue("imgCallback", CALLBACK);
    }
    body.object("data")
        .stringValue("streamType", "NORMAL")
        .stringValue("url", URL)
        .stringValue("tokenId", "user-1")
        .numberValue("returnFinishInfo", 1)
        .closeObject();
    return body;
  }

  private static SubmitVideoStreamRequest request(String accessKey, String imgType) {
    return new SubmitVideoStreamRequest()
        .accessKey(accessKey).appId("defaulttest").eventId("VIDEOSTREAM").imgType(imgType).audioType("NONE")
        .imgCallback(CALLBACK)
        .data(new SubmitVideoStreamData().streamType(SubmitVideoStreamData.StreamTypeEnum.NORMAL).url(URL)
            .tokenId("user-1").returnFinishInfo(1));
  }

  private static void copy(SubmitVideoStreamRequest from, SubmitVideoStreamRequest to) {
    to.accessKey(from.getAccessKey()).appId(from.getAppId()).eventId(from.getEventId()).imgType(from.getImgType())
        .audioType(from.getAudioType()).data(from.getData());
  }

  private static VideostreamApi client(MockServer server) {
    return DeepCleerClients.create(URI.create(server.getUrl()));
  }

  private static void assertAnswer(SubmitVideoStreamResponse response, ResultCode expected) {
    assertThat(ResultCode.of(response.getCode()).value()).isEqualTo(expected);
    assertThat(response.getMessage()).isEqualTo(expected.message());
    assertThat(response.getRequestId()).matches(ID_PATTERN);
  }

  /** A caller that leaves imgCallback out altogether (the vendor's own demo sends 'callback' instead). */
  private static final class RequestWithoutImgCallback extends SubmitVideoStreamRequest {
    @JsonIgnore
    @Override
    public String getImgCallback() {
      return super.getImgCallback();
    }
  }
}
