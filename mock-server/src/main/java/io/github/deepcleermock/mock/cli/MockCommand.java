package io.github.deepcleermock.mock.cli;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.MockConfig;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.callbacks.CallbackSettings;
import io.github.deepcleermock.mock.close.ClosePolicy;
import io.github.deepcleermock.mock.close.UnknownStreamPolicy;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.simulation.SimulationConfig;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.Streams;
import io.github.deepcleermock.mock.tls.TlsSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The standalone mock's command line: flags, an optional YAML file (flags win), start, wait for shutdown. */
@Command(
    name = "deepcleer-mock",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersion.class,
    sortOptions = false,
    description = {
      "Offline mock of DeepCleer's Video Stream Moderation API v4 close endpoint",
      "(POST /finish_videostream/v4) with a control plane under /__admin.",
      "With no options it serves http://127.0.0.1:8080 with the account YOUR_ACCESS_KEY.",
      ""
    })
final class MockCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--host", description = "Interface to bind (default: 127.0.0.1, loopback only).")
  String host;

  @Option(names = "--port", description = "Port to bind, 0 for a free one (default: 8080).")
  Integer port;

  @Option(names = "--config", description = "YAML file with settings, accounts and streams; flags override it.")
  Path config;

  @Option(
      names = "--access-key",
      description = "Register this access key (repeatable). Without any, YOUR_ACCESS_KEY is registered.")
  List<String> accessKeys = new ArrayList<>();

  @Option(names = "--qps", description = "QPS limit of the default account and of every --access-key (default: 50).")
  Integer qps;

  @Option(
      names = "--max-streams",
      description = "maxStreams of the default account and of every --access-key (default: 100).")
  Integer maxStreams;

  @Option(
      names = "--unknown-stream",
      description = "Answer to a close of an unknown id: accept (1100, default) or reject (1902).")
  String unknownStream;

  @Option(names = "--no-magic-values", description = "Turn off magic requestIds (mock-1901, mock-delay-500, ...).")
  boolean noMagicValues;

  @Option(names = "--journal-size", description = "Requests kept in the journal (default: 10000).")
  Integer journalSize;

  @Option(
      names = "--ended-streams",
      description = "Closed or ended streams kept for re-close idempotency, newest first (default: 10000).")
  Integer endedStreams;

  @Option(names = "--callback-retries", description = "Retries of a failed end callback (default: 12).")
  Integer callbackRetries;

  @Option(
      names = "--callback-backoff-ms",
      description = "First wait before a callback retry, and its growth per retry (default: 5000).")
  Long callbackBackoffMs;

  @Option(
      names = "--allow-link-local-callbacks",
      description = "Allow callback URLs on link-local addresses (169.254.0.0/16, fe80::/10; refused by default).")
  boolean allowLinkLocalCallbacks;

  @Option(names = "--seed", description = "Seed of the generator behind fault probabilities (default: 42).")
  Long seed;

  @Option(names = "--admin-token", description = "Require 'Authorization: Bearer <token>' on /__admin.")
  String adminToken;

  @Option(
      names = "--time-scale",
      description = "Run simulated streams and callback retries N times faster (default: 1; a 60 s stream ends"
          + " in 6 s at 10). The QPS limit stays real time.")
  Double timeScale;

  @Option(
      names = "--https-port",
      description = "Also serve HTTPS on this port (0 = a free one), with a certificate generated at start for"
          + " localhost, 127.0.0.1, ::1 and --host unless --keystore is given. Its CA: GET /__admin/tls/ca.pem.")
  Integer httpsPort;

  @Option(names = "--https-only", description = "Serve HTTPS only (needs --https-port): no plain HTTP listener.")
  boolean httpsOnly;

  @Option(names = "--keystore", description = "PKCS12 or JKS file with the HTTPS key and certificate chain.")
  Path keystore;

  @Option(names = "--keystore-password", description = "Password of --keystore (and of its key).")
  String keystorePassword;

  @Option(
      names = "--callback-trust",
      description = "PEM file of certificates that callbacks to https receivers trust besides the JDK's roots.")
  Path callbackTrust;

  @Option(
      names = "--metrics",
      negatable = true,
      description = "Count requests and serve Prometheus metrics at GET /__admin/metrics (default: on;"
          + " --no-metrics turns them off).")
  Boolean metrics;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    MockConfig mockConfig = toConfig();
    DeepCleerMock mock = DeepCleerMock.start(mockConfig);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  mock.close();
                  stopped.countDown();
                },
                "deepcleer-mock-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    int httpPort = mockConfig.tls().httpsOnly() ? -1 : mock.port();
    int httpsPort = mockConfig.tls().https() ? mock.httpsPort() : -1;
    out.println(BindingNotice.listening(mockConfig.host(), httpPort, httpsPort));
    out.flush();
    String warning =
        BindingNotice.warning(mockConfig.host(), httpPort < 0 ? httpsPort : httpPort, mockConfig.adminToken());
    if (warning != null) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(warning);
      err.flush();
    }
    stopped.await();
    return 0;
  }

  MockConfig toConfig() {
    ConfigFile file = config == null ? null : ConfigFile.read(config);
    List<Account> accounts = new ArrayList<>();
    List<StreamSpec> streams = new ArrayList<>();
    if (file != null && file.accounts() != null) {
      file.accounts().forEach(entry -> accounts.add(entry.toAccount()));
    }
    if (file != null && file.streams() != null) {
      file.streams().forEach(entry -> streams.add(entry.toSpec()));
    }
    List<String> flagKeys = new ArrayList<>(accessKeys);
    if (accounts.isEmpty() && flagKeys.isEmpty()) {
      flagKeys.add(Account.DEFAULT_ACCESS_KEY);
    }
    for (String key : flagKeys) {
      accounts.add(
          new Account(
              key,
              qps == null ? Account.DEFAULT_QPS : qps,
              maxStreams == null ? Account.DEFAULT_MAX_STREAMS : maxStreams,
              Account.DEFAULT_PERMISSIONS,
              false));
    }
    String unknown = pick(unknownStream, file == null ? null : file.unknownStream(), "accept");
    UnknownStreamPolicy policy =
        switch (unknown) {
          case "accept" -> UnknownStreamPolicy.ACCEPT;
          case "reject" -> UnknownStreamPolicy.REJECT;
          default -> throw new IllegalArgumentException(
              "unknown-stream: must be accept or reject, was '" + unknown + "'");
        };
    boolean magic = !noMagicValues && (file == null || file.magicValues() == null || file.magicValues());
    int retries = pick(callbackRetries, file == null ? null : file.callbackRetries(), 12);
    long backoff = pick(callbackBackoffMs, file == null ? null : file.callbackBackoffMs(), 5000L);
    CallbackSettings callbacks =
        CallbackSettings.DEFAULT.withRetries(retries).withBackoff(Duration.ofMillis(backoff))
            .withLinkLocalAllowed(allowLinkLocalCallbacks);
    return new MockConfig(
        pick(host, file == null ? null : file.host(), MockConfig.DEFAULT_HOST),
        pick(port, file == null ? null : file.port(), MockConfig.DEFAULT_PORT),
        accounts,
        streams,
        new ClosePolicy(policy, magic),
        pick(journalSize, file == null ? null : file.journalSize(), Journal.DEFAULT_SIZE),
        callbacks,
        pick(seed, file == null ? null : file.seed(), MockConfig.DEFAULT_SEED),
        pick(adminToken, file == null ? null : file.adminToken(), null),
        pick(endedStreams, file == null ? null : file.endedStreams(), Streams.DEFAULT_ENDED_RETENTION),
        new SimulationConfig(
            file == null ? List.of() : file.scenarioSpecs(),
            pick(timeScale, file == null ? null : file.timeScale(), 1.0)),
        tls(file),
        pick(metrics, file == null ? null : file.metrics(), true));
  }

  private TlsSettings tls(ConfigFile file) {
    Integer port = pick(httpsPort, file == null ? null : file.httpsPort(), null);
    boolean only = httpsOnly || (file != null && Boolean.TRUE.equals(file.httpsOnly()));
    Path store = pick(keystore, file == null || file.keystore() == null ? null : Path.of(file.keystore()), null);
    String password = pick(keystorePassword, file == null ? null : file.keystorePassword(), null);
    Path trust =
        pick(callbackTrust, file == null || file.callbackTrust() == null ? null : Path.of(file.callbackTrust()), null);
    return new TlsSettings(port, only, store, password, trust);
  }

  private static <T> T pick(T flag, T fromFile, T fallback) {
    if (flag != null) {
      return flag;
    }
    return fromFile != null ? fromFile : fallback;
  }
}
