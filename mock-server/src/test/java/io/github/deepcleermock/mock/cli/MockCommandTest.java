package io.github.deepcleermock.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.deepcleermock.mock.MockConfig;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.callbacks.CallbackSettings;
import io.github.deepcleermock.mock.close.UnknownStreamPolicy;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.tls.TlsSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line and the YAML file become one {@link MockConfig}; flags win over the file. */
class MockCommandTest {

  @TempDir Path dir;

  @Test
  void noArgumentsGiveTheDocumentedDefaults() {
    MockConfig config = toConfig();

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.accounts()).containsExactly(Account.of("YOUR_ACCESS_KEY"));
    assertThat(config.streams()).isEmpty();
    assertThat(config.policy().unknownStreams()).isEqualTo(UnknownStreamPolicy.ACCEPT);
    assertThat(config.policy().magicValues()).isTrue();
    assertThat(config.journalSize()).isEqualTo(Journal.DEFAULT_SIZE);
    assertThat(config.callbacks()).isEqualTo(CallbackSettings.DEFAULT);
    assertThat(config.seed()).isEqualTo(MockConfig.DEFAULT_SEED);
    assertThat(config.adminToken()).isNull();
  }

  @Test
  void everyFlagReachesTheConfig() {
    MockConfig config = toConfig("--host", "0.0.0.0", "--port", "0", "--access-key", "k1", "--access-key", "k2",
        "--qps", "7", "--max-streams", "3", "--unknown-stream", "reject", "--no-magic-values",
        "--journal-size", "50", "--callback-retries", "2", "--callback-backoff-ms", "100", "--seed", "9",
        "--admin-token", "t0ken", "--ended-streams", "25");

    assertThat(config.endedStreams()).isEqualTo(25);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isZero();
    assertThat(config.accounts()).containsExactly(
        new Account("k1", 7, 3, Set.of("finish", "submit"), false),
        new Account("k2", 7, 3, Set.of("finish", "submit"), false));
    assertThat(config.policy().unknownStreams()).isEqualTo(UnknownStreamPolicy.REJECT);
    assertThat(config.policy().magicValues()).isFalse();
    assertThat(config.journalSize()).isEqualTo(50);
    assertThat(config.callbacks().retries()).isEqualTo(2);
    assertThat(config.callbacks().backoff()).isEqualTo(Duration.ofMillis(100));
    assertThat(config.seed()).isEqualTo(9);
    assertThat(config.adminToken()).isEqualTo("t0ken");
  }

  @Test
  void httpsAndMetricsFlagsReachTheConfig() {
    MockConfig config = toConfig("--https-port", "8443", "--https-only", "--keystore", "mock.p12",
        "--keystore-password", "changeit", "--callback-trust", "receivers.pem", "--no-metrics");

    assertThat(config.tls()).isEqualTo(
        new TlsSettings(8443, true, Path.of("mock.p12"), "changeit", Path.of("receivers.pem")));
    assertThat(config.metrics()).isFalse();
    assertThat(toConfig().tls()).isEqualTo(TlsSettings.NONE);
    assertThat(toConfig().metrics()).isTrue();
  }

  @Test
  void httpsAndMetricsSettingsComeFromTheFileToo() throws IOException {
    Path file = write("httpsPort: 8443\nhttpsOnly: true\ncallbackTrust: receivers.pem\nmetrics: false\n");

    MockConfig config = toConfig("--config", file.toString());

    assertThat(config.tls()).isEqualTo(new TlsSettings(8443, true, null, null, Path.of("receivers.pem")));
    assertThat(config.metrics()).isFalse();
  }

  @Test
  void qpsAndMaxStreamsApplyToTheDefaultAccount() {
    MockConfig config = toConfig("--qps", "2", "--max-streams", "5");

    assertThat(config.accounts()).containsExactly(new Account("YOUR_ACCESS_KEY", 2, 5, Set.of("finish", "submit"), false));
  }

  @Test
  void yamlFileGivesSettingsAccountsAndStreams() throws IOException {
    Path file = write("""
        host: 127.0.0.2
        port: 9091
        unknownStream: reject
        magicValues: false
        journalSize: 20
        callbackRetries: 1
        callbackBackoffMs: 250
        seed: 1234
        adminToken: secret
        accounts:
          - accessKey: team-a
            qps: 5
            maxStreams: 2
            permissions: [finish, submit]
          - accessKey: team-b
            permissions: []
            streamLimitReached: true
        streams:
          - requestId: stream-1
            accessKey: team-a
            dupRequestIds: [dup-1, dup-2]
            imgCallback: http://127.0.0.1:9999/cb
            returnFinishInfo: 1
            data: {extra: {passThrough: {room: 7}}}
          - requestId: stream-2
            accessKey: team-a
        """);

    MockConfig config = toConfig("--config", file.toString());

    assertThat(config.host()).isEqualTo("127.0.0.2");
    assertThat(config.port()).isEqualTo(9091);
    assertThat(config.policy().unknownStreams()).isEqualTo(UnknownStreamPolicy.REJECT);
    assertThat(config.policy().magicValues()).isFalse();
    assertThat(config.journalSize()).isEqualTo(20);
    assertThat(config.callbacks().retries()).isEqualTo(1);
    assertThat(config.callbacks().backoff()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.seed()).isEqualTo(1234);
    assertThat(config.adminToken()).isEqualTo("secret");
    assertThat(config.accounts()).containsExactly(
        new Account("team-a", 5, 2, Set.of("finish", "submit"), false),
        new Account("team-b", Account.DEFAULT_QPS, Account.DEFAULT_MAX_STREAMS, Set.of(), true));
    assertThat(config.streams()).hasSize(2);
    StreamSpec first = config.streams().get(0);
    assertThat(first.requestId()).isEqualTo("stream-1");
    assertThat(first.dupRequestIds()).containsExactly("dup-1", "dup-2");
    assertThat(first.returnFinishInfo()).isEqualTo(1);
    assertThat(first.imgCallback()).isEqualTo("http://127.0.0.1:9999/cb");
    assertThat(first.data().at("/extra/passThrough/room").asInt()).isEqualTo(7);
    assertThat(config.streams().get(1)).isEqualTo(StreamSpec.builder().accessKey("team-a").requestId("stream-2").build());
  }

  @Test
  void flagsOverrideTheFile() throws IOException {
    Path file = write("""
        host: 127.0.0.2
        port: 9091
        unknownStream: reject
        journalSize: 20
        seed: 1234
        adminToken: from-file
        accounts:
          - accessKey: team-a
        """);

    MockConfig config = toConfig("--config", file.toString(), "--port", "0", "--unknown-stream", "accept",
        "--journal-size", "30", "--seed", "5", "--admin-token", "from-flag", "--no-magic-values");

    assertThat(config.host()).as("not overridden").isEqualTo("127.0.0.2");
    assertThat(config.port()).isZero();
    assertThat(config.policy().unknownStreams()).isEqualTo(UnknownStreamPolicy.ACCEPT);
    assertThat(config.policy().magicValues()).isFalse();
    assertThat(config.journalSize()).isEqualTo(30);
    assertThat(config.seed()).isEqualTo(5);
    assertThat(config.adminToken()).isEqualTo("from-flag");
  }

  @Test
  void accessKeyFlagsAddToTheFilesAccountsAndNoDefaultAccountAppears() throws IOException {
    Path file = write("""
        accounts:
          - accessKey: team-a
            qps: 5
        """);

    MockConfig config = toConfig("--config", file.toString(), "--access-key", "extra", "--qps", "9");

    assertThat(config.accounts()).extracting(Account::accessKey).containsExactly("team-a", "extra");
    assertThat(config.accounts()).extracting(Account::qps).containsExactly(5, 9);
  }

  @Test
  void unknownKeyInTheFileIsAnErrorNotIgnored() throws IOException {
    Path file = write("port: 0\nqsp: 5\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> toConfig("--config", file.toString()))
        .withMessageStartingWith("config " + file)
        .withMessageContaining("qsp");
  }

  @Test
  void scenariosAndTheTimeScaleComeFromTheFileAndTheFlagWins() throws IOException {
    Path file = write("timeScale: 5\nscenarios:\n  - match: {room: room-1}\n    script:\n      frames:\n"
        + "        - {at: 30, riskLevel: REJECT}\n      endAt: 60\n  - script: {pullFailure: {errorCode: 3001}}\n");

    MockConfig config = toConfig("--config", file.toString());
    assertThat(config.simulation().timeScale()).isEqualTo(5.0);
    assertThat(config.simulation().scenarios()).hasSize(2);
    assertThat(config.simulation().scenarios().get(0).match().room()).isEqualTo("room-1");
    assertThat(config.simulation().scenarios().get(0).script().endAt()).isEqualTo(60L);
    assertThat(config.simulation().scenarios().get(1).script().pullFailure().errorCode()).isEqualTo(3001);
    assertThat(toConfig("--config", file.toString(), "--time-scale", "10").simulation().timeScale()).isEqualTo(10.0);
  }

  @Test
  void aBadScenarioInTheFileNamesItsPlace() throws IOException {
    Path file = write("scenarios:\n  - script: {frames: [{at: 3, riskLevel: MAYBE}]}\n");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> toConfig("--config", file.toString()))
        .withMessageStartingWith("scenarios[0].script.frames[0].riskLevel:");
    assertThatIllegalArgumentException().isThrownBy(() -> toConfig("--time-scale", "0.5"))
        .withMessageStartingWith("timeScale:");
  }

  @Test
  void badUnknownStreamPolicyIsAnError() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> toConfig("--unknown-stream", "maybe"))
        .withMessage("unknown-stream: must be accept or reject, was 'maybe'");
  }

  private MockConfig toConfig(String... args) {
    MockCommand command = new MockCommand();
    new CommandLine(command).parseArgs(args);
    return command.toConfig();
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("mock.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }
}
