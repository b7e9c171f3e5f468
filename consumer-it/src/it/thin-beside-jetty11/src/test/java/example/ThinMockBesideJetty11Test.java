package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.deepcleermock.mock.DeepCleerMock;
import org.junit.jupiter.api.Test;

/** WireMock 3 put Jetty 11 on the classpath first: the thin mock must say what to use instead, in one line. */
class ThinMockBesideJetty11Test {

  @Test
  void startingTheThinMockBesideJetty11FailsWithOneLineNamingTheEmbeddedArtifact() {
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> DeepCleerMock.builder().start());

    String message = refused.getMessage();
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.contains("io.github.deepcleermock:mock-server-embedded"), message);
    assertTrue(message.contains("Jetty 11.0.26"), message);
  }
}
