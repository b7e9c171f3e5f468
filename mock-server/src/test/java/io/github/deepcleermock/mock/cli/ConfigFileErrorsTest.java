package io.github.deepcleermock.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.deepcleermock.mock.MockConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every problem in a configuration file is one line naming the file, the line and the key. */
class ConfigFileErrorsTest {

  @TempDir Path dir;

  @Test
  void anEmptyFileIsAnEmptyConfiguration() throws IOException {
    assertThat(load("")).isEqualTo(load("# only a comment\n")).isEqualTo(toConfig());
  }

  @Test
  void aFractionalSeedIsAnErrorNotRoundedDown() {
    assertError("port: 0\nseed: 1.5\n", "(line 2): seed: must be a whole number, was '1.5'");
  }

  @Test
  void aQuotedNumberIsAnError() {
    assertError("port: \"80\"\n", "(line 1): port: must be a whole number, was '80'");
  }

  @Test
  void aBadUnknownStreamPolicyNamesTheKeyAndItsLine() {
    assertError("port: 0\nunknownStream: maybe\n",
        "(line 2): unknownStream: must be accept or reject, was 'maybe'");
  }

  @Test
  void aYamlSyntaxErrorNamesItsLine() {
    assertError("accounts:\n  - accessKey: a\n - accessKey: b\n", "(line 3): not valid YAML: ");
  }

  @Test
  void anInvalidAccountValueNamesTheEntryKeyAndItsLine() {
    assertError("accounts:\n  - accessKey: a\n  - accessKey: b\n    qps: 0\n",
        "(line 4): accounts[1].qps: must be at least 1, was 0");
  }

  @Test
  void anUnknownKeyInsideAnEntryNamesItsPathAndLine() {
    assertError("accounts:\n  - accessKey: a\n    qsp: 5\n", "(line 3): accounts[0].qsp: unknown key; allowed: ");
  }

  @Test
  void aMissingRequiredFieldNamesTheEntryAndItsLine() {
    assertError("accounts:\n  - accessKey: a\nstreams:\n  - requestId: s1\n    accessKey: a\n    returnFinishInfo: 1\n",
        "(line 4): streams[0].imgCallback: is required when returnFinishInfo is 1");
  }

  @Test
  void aKeyWrittenTwiceIsAnError() {
    assertError("port: 1\nport: 2\n", "(line 2): Duplicate field 'port'");
  }

  @Test
  void aWrongTypeOfValueNamesTheKey() {
    assertError("magicValues: sometimes\n", "(line 1): magicValues: must be true or false, was 'sometimes'");
  }

  private void assertError(String yaml, String expected) {
    Path file = write(yaml);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> toConfig("--config", file.toString()))
        .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1))
        .withMessageStartingWith("config " + file + " " + expected);
  }

  private MockConfig load(String yaml) {
    return toConfig("--config", write(yaml).toString());
  }

  private MockConfig toConfig(String... args) {
    MockCommand command = new MockCommand();
    new CommandLine(command).parseArgs(args);
    return command.toConfig();
  }

  private Path write(String yaml) {
    try {
      Path file = Files.createTempFile(dir, "mock", ".yaml");
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
