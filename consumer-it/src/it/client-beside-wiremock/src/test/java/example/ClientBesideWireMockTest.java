package example;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.deepcleermock.client.DeepCleerClients;
import io.github.deepcleermock.client.model.FinishVideoStreamRequest;
import io.github.deepcleermock.client.model.FinishVideoStreamResponse;
import java.net.URI;
import org.junit.jupiter.api.Test;

@WireMockTest
class ClientBesideWireMockTest {

  @Test
  void theGeneratedClientReadsTheAnswerOfAWireMockStub(WireMockRuntimeInfo wireMock) throws Exception {
    stubFor(post("/finish_videostream/v4")
        .willReturn(okJson("{\"requestId\":\"0123456789abcdef0123456789abcdef\",\"code\":1901,"
            + "\"message\":\"QPS limit exceeded\"}")));

    FinishVideoStreamResponse answer = DeepCleerClients.create(URI.create(wireMock.getHttpBaseUrl()))
        .finishVideoStream(new FinishVideoStreamRequest().accessKey("my-key").requestId("stream-1"));

    assertEquals(1901, answer.getCode());
    assertEquals("0123456789abcdef0123456789abcdef", answer.getRequestId());
    verify(postRequestedFor(urlEqualTo("/finish_videostream/v4"))
        .withRequestBody(equalToJson("{\"accessKey\":\"my-key\",\"requestId\":\"stream-1\"}")));
  }
}
