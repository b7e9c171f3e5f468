package io.github.deepcleermock.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.deepcleermock.mock.TestPackages;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Redis tests fail with the install line on a machine without redis-server; they never skip. */
class RedisServerTest {

  @Test
  void aMissingRedisServerFailsWithTheInstallLine() {
    assertThatThrownBy(() -> RedisServer.requireInstalled(Path.of("/nonexistent/redis-server")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("redis-server")
        .hasMessageEndingWith(TestPackages.INSTALL_LINE);
  }
}
