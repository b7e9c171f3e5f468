package io.github.deepcleermock.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.MockConfig;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.close.UnknownStreamPolicy;
import io.github.deepcleermock.mock.streams.StreamSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README's complete YAML example loads, means what its comments say, and yields to flags. */
class ReadmeConfigExampleTest {

  @TempDir Path dir;

  @Test
  void theReadmeConfigurationFileLoadsAsDocumented() throws Exception {
    Path file = dir.resolve("mock.yaml");
    Files.writeString(file, readmeYaml());

    MockConfig config = toConfig("--config", file.toString(), "--port", "9090");

    assertThat(config.port()).as("the flag wins over the file").isEqualTo(9090);
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.policy().unknownStreams()).isEqualTo(UnknownStreamPolicy.ACCEPT);
    assertThat(config.policy().magicValues()).isTrue();
    assertThat(config.journalSize()).isEqualTo(10_000);
    assertThat(config.endedStreams()).isEqualTo(10_000);
    assertThat(config.callbacks().retries()).isEqualTo(12);
    assertThat(config.callbacks().backoff()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.seed()).isEqualTo(42);
    assertThat(config.adminToken()).isNull();
    assertThat(config.accounts())
        .containsExactly(
            Account.of("YOUR_ACCESS_KEY"),
            new Account("tight-key", 2, 5, Set.of("finish"), false),
            new Account("no-finish-key", 50, 100, Set.of(), false));
    StreamSpec stream = config.streams().get(0);
    assertThat(stream.requestId()).isEqualTo("stream-1");
    assertThat(stream.dupRequestIds()).isEqualTo(List.of("dup-of-stream-1"));
    assertThat(stream.moderatesAudio()).isTrue();
    assertThat(stream.returnFinishInfo()).isEqualTo(1);
    assertThat(stream.data().at("/extra/passThrough/orderId").asText()).isEqualTo("o-1");
  }

  private static String readmeYaml() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("## Configuration file");
    assertThat(section).as("README section 'Configuration file'").isNotNegative();
    int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
    int end = readme.indexOf("```", start);
    return readme.substring(start, end);
  }

  private static MockConfig toConfig(String... args) {
    MockCommand command = new MockCommand();
    new CommandLine(command).parseArgs(args);
    return command.toConfig();
  }
}
