package io.github.deepcleermock.embedded;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.deepcleermock.mock.DeepCleerMock;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The embedded jar leaves Lettuce (and its Netty and Reactor) out: asking it for the redis store fails at start
 * with a sentence saying where the store lives, not with a bare NoClassDefFoundError.
 */
class EmbeddedWithoutRedisStoreIT {

  @Test
  void theRedisStoreInTheEmbeddedJarFailsAtStartNamingTheArtifactsThatHaveIt() {
    assertThatThrownBy(() -> Class.forName("io.lettuce.core.RedisClient"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatIllegalStateException()
        .isThrownBy(() -> DeepCleerMock.builder().store(URI.create("redis://127.0.0.1:6379/0")).start())
        .withMessageContaining("io.lettuce:lettuce-core")
        .withMessageContaining("mock-server-embedded does not");
  }
}
