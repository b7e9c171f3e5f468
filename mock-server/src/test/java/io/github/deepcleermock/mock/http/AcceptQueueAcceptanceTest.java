package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.DeepCleerMock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The listening socket queues a burst of new connections: its backlog is 1024, not the JDK's 50. */
class AcceptQueueAcceptanceTest {

  @Test
  void listeningSocketHasTheRaisedBacklog() throws Exception {
    try (DeepCleerMock mock = DeepCleerMock.builder().start()) {
      // `ss -ltn` shows a listening socket's backlog in its Send-Q column (Linux, package iproute2).
      String listing = run("ss", "-ltnH", "sport = :" + mock.port());

      String[] columns = listing.trim().split("\\s+");
      assertThat(columns).as("ss output: %s", listing).hasSizeGreaterThan(3);
      int backlog = Integer.parseInt(columns[2]);
      int kernelCap;
      try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/sys/net/core/somaxconn"))) {
        kernelCap = Integer.parseInt(lines.findFirst().orElseThrow().trim());
      }
      assertThat(backlog).isEqualTo(Math.min(MockHttpServer.ACCEPT_QUEUE_SIZE, kernelCap)).isGreaterThan(50);
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("this test needs `ss`: apt-get install -y iproute2", e);
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
