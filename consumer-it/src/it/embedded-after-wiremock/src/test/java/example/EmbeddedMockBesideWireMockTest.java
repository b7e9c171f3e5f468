package example;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.deepcleermock.client.DeepCleerClients;
import io.github.deepcleermock.client.model.FinishVideoStreamRequest;
import io.github.deepcleermock.client.model.FinishVideoStreamResponse;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A team's test that stubs another service with WireMock and the DeepCleer API with the embedded mock. */
class EmbeddedMockBesideWireMockTest {

  @RegisterExtension
  static WireMockExtension otherService =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
      .configure(mock -> mock
          .account("my-key")
          .stream(StreamSpec.builder().accessKey("my-key").requestId("stream-1").build()));

  @Test
  void wireMockAnswersItsStubAndTheMockClosesAStreamForTheGeneratedClient(DeepCleerMock mock) throws Exception {
    otherService.stubFor(get("/profile").willReturn(aResponse().withStatus(200).withBody("hello")));
    HttpResponse<String> stubbed = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(otherService.baseUrl() + "/profile")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals("hello", stubbed.body());

    FinishVideoStreamResponse answer = DeepCleerClients.create(mock.baseUri())
        .finishVideoStream(new FinishVideoStreamRequest().accessKey("my-key").requestId("stream-1"));

    assertEquals(1100, answer.getCode());
    assertEquals(StreamState.CLOSED, mock.streams().find("stream-1").orElseThrow().state());
  }
}
