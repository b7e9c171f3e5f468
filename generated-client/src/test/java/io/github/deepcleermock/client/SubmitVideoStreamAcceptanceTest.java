package io.github.deepcleermock.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.deepcleermock.client.api.VideostreamApi;
import io.github.deepcleermock.client.invoker.ApiException;
import io.github.deepcleermock.client.model.SubmitVideoStreamData;
import io.github.deepcleermock.client.model.SubmitVideoStreamRequest;
import io.github.deepcleermock.client.model.SubmitVideoStreamResponse;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The generated submit call sends the vendor's body and decodes the duplicate's detail; blank answers fail loudly. */
class SubmitVideoStreamAcceptanceTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private static final String PATH = "/videostream/v4";

  private static SubmitVideoStreamRequest request() {
    return new SubmitVideoStreamRequest()
        .accessKey("k").appId("app").eventId("VIDEOSTREAM").imgType("POLITY").imgCallback("http://cb/img")
        .data(new SubmitVideoStreamData().streamType(SubmitVideoStreamData.StreamTypeEnum.NORMAL)
            .url("rtmp://x/live/1").tokenId("u1").returnFinishInfo(1));
  }

  private static VideostreamApi api() {
    return DeepCleerClients.create(URI.create("http://127.0.0.1:" + wm.getPort()));
  }

  @Test
  void aDuplicateAnswerDecodesItsDupRequestId() throws ApiException {
    wm.stubFor(post(PATH).willReturn(okJson("{\"requestId\":\"3c9d1e7f0a2b4c6d8e0f1a2b3c4d5e6f\",\"code\":1100,"
        + "\"message\":\"Success\",\"detail\":{\"errorCode\":1001,\"dupRequestId\":\"d05f4270374ca516ce7aafc0139afd25\"}}")));

    SubmitVideoStreamResponse response = api().submitVideoStream(request());

    assertThat(response.getDetail().getErrorCode()).isEqualTo(1001);
    assertThat(response.getDetail().getDupRequestId()).isEqualTo("d05f4270374ca516ce7aafc0139afd25");
    wm.verify(postRequestedFor(urlEqualTo(PATH))
        .withRequestBody(matchingJsonPath("$.data.streamType", com.github.tomakehurst.wiremock.client.WireMock
            .equalTo("NORMAL")))
        .withRequestBody(matchingJsonPath("$.data.returnFinishInfo", com.github.tomakehurst.wiremock.client.WireMock
            .equalTo("1"))));
  }

  @Test
  void aSubmitAnsweredWithAnEmptyBodyFailsLoudly() {
    wm.stubFor(post(PATH).willReturn(aResponse().withStatus(200)));

    ApiException e = catchThrowableOfType(ApiException.class, () -> api().submitVideoStream(request()));

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("submitVideoStream answered HTTP 200 with an empty body");
  }
}
