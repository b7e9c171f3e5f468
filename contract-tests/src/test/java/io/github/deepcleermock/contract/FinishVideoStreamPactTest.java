package io.github.deepcleermock.contract;

import static io.github.deepcleermock.contract.PactParticipants.CONSUMER;
import static io.github.deepcleermock.contract.PactParticipants.PROVIDER;
import static io.github.deepcleermock.contract.ProviderStates.ACCESS_KEY_AUTHORIZED;
import static io.github.deepcleermock.contract.ProviderStates.ACCESS_KEY_NOT_AUTHORIZED;
import static io.github.deepcleermock.contract.ProviderStates.QPS_LIMIT_EXHAUSTED;
import static io.github.deepcleermock.contract.ProviderStates.SERVICE_FAILING;
import static io.github.deepcleermock.contract.ProviderStates.STREAM_ACTIVE;
import static io.github.deepcleermock.contract.ProviderStates.STREAM_CLOSED;
import static io.github.deepcleermock.contract.ProviderStates.STREAM_COUNT_LIMIT_REACHED;
import static io.github.deepcleermock.contract.SpecConformance.CLOSE_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
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
import io.github.deepcleermock.client.model.FinishVideoStreamResponse;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the generated client expects of the close endpoint, one interaction per outcome, written as a V4 pact that
 * the mock must then honour (provider verification) and the spec must agree with (spec conformance).
 *
 * <p>{@code code} and {@code message} are pinned exactly: a type matcher would let a provider pass that ignored
 * the state. Only the response {@code requestId} varies per call, so it is matched by its 32-hex pattern. A 1902
 * interaction names the spec rule its request breaks in a V4 comment ({@value #VIOLATES}rule), which
 * {@code PactSpecConformanceIT} checks.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class FinishVideoStreamPactTest {

  /** Prefix of the V4 interaction comment that names the spec rule a 1902 request violates. */
  static final String VIOLATES = "violates spec rule: ";

  private static final String RESPONSE_ID_PATTERN = "^[0-9a-f]{32}$";
  private static final String RESPONSE_ID_EXAMPLE = "a78eef377079acc6cdec24967ecde722";
  // java.net.http sends exactly this; a charset suffix from another client is still JSON.
  private static final String JSON_CONTENT_TYPE = "application/json(;\\s*charset=(?i:utf-8))?";

  private static final String KEY = "contract-key-1";
  private static final String UNAUTHORIZED_KEY = "revoked-key";
  private static final String STREAM_ID = "1639824316368";
  private static final String DUP_REQUEST_ID = "d05f4270374ca516ce7aafc0139afd25";
  private static final String TOO_LONG_REQUEST_ID = "0123456789abcdef0123456789abcdef0"; // 33 > maxLength 32

  // ---- interactions --------------------------------------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact closingAnActiveStream(PactDslWithProvider builder) {
    return close(
        authorizedWithActiveStream(builder, Map.of("accessKey", KEY, "requestId", STREAM_ID)),
        "a close of an active stream", body(KEY, STREAM_ID), 1100, "Success");
  }

  @Pact(consumer = CONSUMER)
  V4Pact closingByDupRequestId(PactDslWithProvider builder) {
    return close(
        authorizedWithActiveStream(
            builder, Map.of("accessKey", KEY, "requestId", STREAM_ID, "dupRequestId", DUP_REQUEST_ID)),
        "a close of an active stream by its dupRequestId", body(KEY, DUP_REQUEST_ID), 1100, "Success");
  }

  @Pact(consumer = CONSUMER)
  V4Pact closingAClosedStreamAgain(PactDslWithProvider builder) {
    return close(
        builder
            .given(ACCESS_KEY_AUTHORIZED, Map.of("accessKey", KEY))
            .given(STREAM_CLOSED, Map.of("accessKey", KEY, "requestId", STREAM_ID)),
        "a close of a stream that is already closed", body(KEY, STREAM_ID), 1100, "Success");
  }

  @Pact(consumer = CONSUMER)
  V4Pact closingOverTheQpsLimit(PactDslWithProvider builder) {
    return close(
        authorizedWithActiveStream(builder, Map.of("accessKey", KEY, "requestId", STREAM_ID))
            .given(QPS_LIMIT_EXHAUSTED, Map.of("accessKey", KEY)),
        "a close while the access key's QPS limit is exhausted", body(KEY, STREAM_ID), 1901, "QPS limit exceeded");
  }

  @Pact(consumer = CONSUMER)
  V4Pact closingWithARequestIdLeftUnset(PactDslWithProvider builder) {
    // The generated client always writes required fields, so an unset requestId travels as JSON null.
    return close(
        builder.given(ACCESS_KEY_AUTHORIZED, Map.of("accessKey", KEY)).comment(VIOLATES + "type"),
        "a close whose requestId was left unset (sent as null)",
        new PactDslJsonBody().stringValue("accessKey", KEY).nullValue("requestId"), 1902, "Invalid parameters");
  }

  @Pact(consumer = CONSUMER)
  V4Pact closingWithoutAnAccessKey(PactDslWithProvider builder) {
    return close(
        authorizedWithActiveStream(builder, Map.of("accessKey", KEY, "requestId", STREAM_ID))
            .comment(VIOLATES + "required"),
        "a close whose body has no accessKey field",
        new PactDslJsonBody().stringValue("requestId", STREAM_ID), 1902, "Invalid parameters");
  }

  @Pact(consumer = CONSUMER)
  V4Pact closingWithAnOverLongRequestId(PactDslWithProvider builder) {
    return close(
        builder.given(ACCESS_KEY_AUTHORIZED, Map.of("accessKey", KEY)).comment(VIOLATES + "maxLength"),
        "a close whose requestId is 33 characters long", body(KEY, TOO_LONG_REQUEST_ID), 1902, "Invalid parameters");
  }

  @Pact(consumer = CONSUMER)
  V4Pact closingWhileTheServiceFails(PactDslWithProvider builder) {
    return close(
        authorizedWithActiveStream(builder, Map.of("accessKey", KEY, "requestId", STREAM_ID))
            .given(SERVICE_FAILING, Map.of("accessKey", KEY)),
        "a close while the service is failing", body(KEY, STREAM_ID), 1903, "Service failure");
  }

  @Pact(consumer = CONSUMER)
  V4Pact closingAtTheStreamCountLimit(PactDslWithProvider builder) {
    return close(
        authorizedWithActiveStream(builder, Map.of("accessKey", KEY, "requestId", STREAM_ID))
            .given(STREAM_COUNT_LIMIT_REACHED, Map.of("accessKey", KEY)),
        "a close while the account's stream count limit is reached", body(KEY, STREAM_ID),
        1904, "Stream count limit exceeded");
  }

  @Pact(consumer = CONSUMER)
  V4Pact closingWithAnUnauthorizedKey(PactDslWithProvider builder) {
    return close(
        builder.given(ACCESS_KEY_NOT_AUTHORIZED, Map.of("accessKey", UNAUTHORIZED_KEY)),
        "a close with an access key that is not authorized", body(UNAUTHORIZED_KEY, STREAM_ID),
        9101, "Unauthorized operation");
  }

  // ---- the generated client against each interaction -----------------------------------------------------------

  @Test
  @PactTestFor(pactMethod = "closingAnActiveStream")
  void anActiveStreamClosesWithSuccess(MockServer server) throws ApiException {
    assertAnswer(client(server).finishVideoStream(request(KEY, STREAM_ID)), ResultCode.SUCCESS);
  }

  @Test
  @PactTestFor(pactMethod = "closingByDupRequestId")
  void aDupRequestIdClosesTheStreamWithSuccess(MockServer server) throws ApiException {
    assertAnswer(client(server).finishVideoStream(request(KEY, DUP_REQUEST_ID)), ResultCode.SUCCESS);
  }

  @Test
  @PactTestFor(pactMethod = "closingAClosedStreamAgain")
  void closingAnAlreadyClosedStreamAgainStillSucceeds(MockServer server) throws ApiException {
    assertAnswer(client(server).finishVideoStream(request(KEY, STREAM_ID)), ResultCode.SUCCESS);
  }

  @Test
  @PactTestFor(pactMethod = "closingOverTheQpsLimit")
  void anExhaustedQpsLimitIsReportedAs1901(MockServer server) throws ApiException {
    assertAnswer(client(server).finishVideoStream(request(KEY, STREAM_ID)), ResultCode.QPS_LIMIT_EXCEEDED);
  }

  @Test
  @PactTestFor(pactMethod = "closingWithARequestIdLeftUnset")
  void anUnsetRequestIdIsReportedAs1902(MockServer server) throws ApiException {
    FinishVideoStreamRequest unset = new FinishVideoStreamRequest().accessKey(KEY);
    assertAnswer(client(server).finishVideoStream(unset), ResultCode.INVALID_PARAMETERS);
  }

  @Test
  @PactTestFor(pactMethod = "closingWithoutAnAccessKey")
  void aMissingAccessKeyIsReportedAs1902(MockServer server) throws ApiException {
    FinishVideoStreamRequest withoutKey = new RequestWithoutAccessKey().requestId(STREAM_ID);
    assertAnswer(client(server).finishVideoStream(withoutKey), ResultCode.INVALID_PARAMETERS);
  }

  @Test
  @PactTestFor(pactMethod = "closingWithAnOverLongRequestId")
  void anOverLongRequestIdIsReportedAs1902(MockServer server) throws ApiException {
    // The generated client does not enforce maxLength, so the over-long id reaches the wire.
    assertAnswer(
        client(server).finishVideoStream(request(KEY, TOO_LONG_REQUEST_ID)), ResultCode.INVALID_PARAMETERS);
  }

  @Test
  @PactTestFor(pactMethod = "closingWhileTheServiceFails")
  void aServiceFailureIsReportedAs1903(MockServer server) throws ApiException {
    assertAnswer(client(server).finishVideoStream(request(KEY, STREAM_ID)), ResultCode.SERVICE_FAILURE);
  }

  @Test
  @PactTestFor(pactMethod = "closingAtTheStreamCountLimit")
  void aReachedStreamCountLimitIsReportedAs1904(MockServer server) throws ApiException {
    assertAnswer(
        client(server).finishVideoStream(request(KEY, STREAM_ID)), ResultCode.STREAM_COUNT_LIMIT_EXCEEDED);
  }

  @Test
  @PactTestFor(pactMethod = "closingWithAnUnauthorizedKey")
  void anUnauthorizedKeyIsReportedAs9101(MockServer server) throws ApiException {
    assertAnswer(
        client(server).finishVideoStream(request(UNAUTHORIZED_KEY, STREAM_ID)), ResultCode.UNAUTHORIZED_OPERATION);
  }

  // ---- helpers -------------------------------------------------------------------------------------------------

  private static PactDslWithState authorizedWithActiveStream(
      PactDslWithProvider builder, Map<String, Object> streamParams) {
    return builder
        .given(ACCESS_KEY_AUTHORIZED, Map.of("accessKey", streamParams.get("accessKey")))
        .given(STREAM_ACTIVE, streamParams);
  }

  private static V4Pact close(
      PactDslWithState given, String description, DslPart requestBody, int code, String message) {
    return given
        .uponReceiving(description)
        .method("POST")
        .path(CLOSE_PATH)
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(requestBody)
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(
            new PactDslJsonBody()
                .stringMatcher("requestId", RESPONSE_ID_PATTERN, RESPONSE_ID_EXAMPLE)
                .numberValue("code", code)
                .stringValue("message", message))
        .toPact(V4Pact.class);
  }

  private static PactDslJsonBody body(String accessKey, String requestId) {
    return new PactDslJsonBody().stringValue("accessKey", accessKey).stringValue("requestId", requestId);
  }

  private static FinishVideoStreamRequest request(String accessKey, String requestId) {
    return new FinishVideoStreamRequest().accessKey(accessKey).requestId(requestId);
  }

  private static VideostreamApi client(MockServer server) {
    return DeepCleerClients.create(URI.create(server.getUrl()));
  }

  private static void assertAnswer(FinishVideoStreamResponse response, ResultCode expected) {
    assertThat(ResultCode.of(response.getCode()).value()).isEqualTo(expected);
    assertThat(response.getMessage()).isEqualTo(expected.message());
    assertThat(response.getRequestId()).matches(RESPONSE_ID_PATTERN);
  }

  /**
   * A request body from a caller that omits {@code accessKey} altogether (a hand-written or older client); the
   * generated model would send null, so only serialization is changed and the generated HTTP code still sends it.
   */
  private static final class RequestWithoutAccessKey extends FinishVideoStreamRequest {
    @JsonIgnore
    @Override
    public String getAccessKey() {
      return super.getAccessKey();
    }
  }
}
