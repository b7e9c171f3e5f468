package io.github.deepcleermock.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.deepcleermock.client.api.VideostreamApi;
import io.github.deepcleermock.client.invoker.ApiException;
import io.github.deepcleermock.client.model.FinishVideoStreamRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way the close call can fail below the JSON `code` surfaces as an {@link ApiException}, never as null. */
class FinishVideoStreamFailuresAcceptanceTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String PATH = "/finish_videostream/v4";
  // Short on purpose: the vendor's 7 s would make the timeout test crawl; the behaviour does not depend on it.
  private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);
  private static final int SLOWER_THAN_SHORT_READ_TIMEOUT_MS = 1500;
  // Roomy for every other test: a cold WireMock can take longer than 300 ms for its first answer.
  private static final Duration ROOMY_TIMEOUT = Duration.ofSeconds(5);

  private static ApiException closeFails() {
    return closeFails(ROOMY_TIMEOUT);
  }

  private static ApiException closeFails(Duration readTimeout) {
    VideostreamApi api = DeepCleerClients.create(
        URI.create("http://127.0.0.1:" + wm.getPort()), ROOMY_TIMEOUT, readTimeout);
    return catchThrowableOfType(ApiException.class,
        () -> api.finishVideoStream(new FinishVideoStreamRequest().accessKey("k").requestId("r1")));
  }

  @Test
  void anAnswerSlowerThanTheReadTimeoutFailsWithATimeout() {
    wm.stubFor(post(PATH).willReturn(okJson("{\"requestId\":\"a\",\"code\":1100,\"message\":\"Success\"}")
        .withFixedDelay(SLOWER_THAN_SHORT_READ_TIMEOUT_MS)));

    ApiException e = closeFails(SHORT_READ_TIMEOUT);

    assertThat(e).as("ApiException").isNotNull();
    assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
    assertThat(e.getCode()).as("no HTTP status was received").isZero();
  }

  @Test
  void aConnectionResetFailsWithTheIoError() {
    wm.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    ApiException e = closeFails();

    assertThat(e).as("ApiException").isNotNull();
    assertThat(e.getCause()).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
    assertThat(e.getMessage()).contains(e.getCause().getClass().getName());
    assertThat(e.getCode()).isZero();
  }

  @Test
  void aConnectionClosedWithoutAnyResponseFailsWithTheIoError() {
    wm.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    ApiException e = closeFails();

    assertThat(e).as("ApiException").isNotNull();
    assertThat(e.getCause()).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
    assertThat(e.getCode()).isZero();
  }

  @Test
  void anHttp200WithAnEmptyBodyFailsInsteadOfReturningNull() {
    wm.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));

    ApiException e = closeFails();

    assertThat(e).as("ApiException").isNotNull();
    assertThat(e.getCode()).isEqualTo(200);
    assertThat(e.getMessage()).contains("HTTP 200 with an empty body");
    assertThat(e.getCause()).isNull();
  }

  @Test
  void anHttp200WithoutACodeFailsInsteadOfReturningAResponseWithoutAResult() {
    wm.stubFor(post(PATH).willReturn(okJson("{\"requestId\":\"a78eef377079acc6cdec24967ecde722\"}")));

    ApiException e = closeFails();

    assertThat(e).as("ApiException").isNotNull();
    assertThat(e.getCode()).isEqualTo(200);
    assertThat(e.getMessage()).contains("without a \"code\" field");
  }

  @ParameterizedTest(name = "body: {0}")
  @ValueSource(strings = {
      "{\"requestId\":\"a78eef377079acc6cdec24967ecde722\",\"code\":11",
      "<html><body>Bad gateway</body></html>",
      "[1100]",
      "{\"requestId\":\"a78eef377079acc6cdec24967ecde722\",\"code\":\"eleven\",\"message\":\"Success\"}",
  })
  void malformedJsonFailsWithTheParserError(String body) {
    wm.stubFor(post(PATH).willReturn(okJson(body)));

    ApiException e = closeFails();

    assertThat(e).as("ApiException").isNotNull();
    assertThat(e.getCause()).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void aNon2xxStatusFailsWithTheStatusAndBody() {
    wm.stubFor(post(PATH).willReturn(aResponse().withStatus(502).withBody("upstream down")));

    ApiException e = closeFails();

    assertThat(e).as("ApiException").isNotNull();
    assertThat(e.getCode()).isEqualTo(502);
    assertThat(e.getResponseBody()).isEqualTo("upstream down");
  }
}
