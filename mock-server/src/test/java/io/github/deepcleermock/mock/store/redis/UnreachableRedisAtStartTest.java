package io.github.deepcleermock.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.deepcleermock.mock.DeepCleerMock;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** A Redis that does not answer at start fails the start, naming the store: a typo must not look like an outage. */
class UnreachableRedisAtStartTest {

  @Test
  void startingOnARedisNobodyListensOnFailsNamingTheStore() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI nobody = URI.create("redis://127.0.0.1:" + port + "/0");
    assertThatIllegalStateException()
        .isThrownBy(() -> DeepCleerMock.builder().store(nobody).start())
        .withMessageStartingWith("store: cannot reach " + nobody);
  }
}
