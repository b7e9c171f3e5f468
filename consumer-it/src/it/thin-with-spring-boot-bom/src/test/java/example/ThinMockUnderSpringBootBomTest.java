package example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.client.DeepCleerClients;
import io.github.deepcleermock.client.model.FinishVideoStreamRequest;
import io.github.deepcleermock.client.model.FinishVideoStreamResponse;
import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.junit.DeepCleerMockExtension;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Spring Boot team's test: Spring Boot's BOM manages Jackson, SLF4J, JUnit and Jetty; the thin mock runs. */
class ThinMockUnderSpringBootBomTest {

  @RegisterExtension
  static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
      .configure(mock -> mock
          .account("my-key")
          .stream(StreamSpec.builder().accessKey("my-key").requestId("stream-1").build()));

  @Test
  void theMockClosesAStreamForTheGeneratedClient(DeepCleerMock mock) throws Exception {
    FinishVideoStreamResponse answer = DeepCleerClients.create(mock.baseUri())
        .finishVideoStream(new FinishVideoStreamRequest().accessKey("my-key").requestId("stream-1"));

    assertThat(answer.getCode()).isEqualTo(1100);
    assertThat(mock.streams().find("stream-1")).hasValueSatisfying(
        stream -> assertThat(stream.state()).isEqualTo(StreamState.CLOSED));
  }
}
