package io.github.deepcleermock.mock;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.callbacks.CallbackSettings;
import io.github.deepcleermock.mock.close.ClosePipeline;
import io.github.deepcleermock.mock.close.ClosePolicy;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.simulation.SimulationConfig;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.Streams;
import io.github.deepcleermock.mock.tls.TlsSettings;
import io.github.deepcleermock.mock.store.Stores;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a mock instance starts from; also its baseline, which {@code reset} restores.
 *
 * @param host interface to bind (loopback by default: the admin API can change behaviour)
 * @param port port to bind, 0 for a free one
 * @param accounts registered access keys; when empty, the default account {@code YOUR_ACCESS_KEY} is registered
 * @param streams streams that are ACTIVE at start and after every reset
 * @param policy choices where the vendor is silent (unknown streams, magic values)
 * @param journalSize how many requests the journal keeps
 * @param callbacks how end callbacks are delivered
 * @param seed seed of the generator that fault probabilities draw from
 * @param adminToken when set, {@code /__admin} requires {@code Authorization: Bearer <token>}
 * @param endedStreams how many CLOSED or ENDED streams are kept (newest first) for re-close idempotency
 * @param simulation scenario rules and the time scale of simulated streams
 * @param tls HTTPS and the trust of callbacks to https receivers
 * @param metrics whether {@code GET /__admin/metrics} counts and serves Prometheus metrics
 * @param store where shared state lives: null for this process's memory, {@code redis://host:port[/db]} for a Redis
 *     shared by several instances
 */
public record MockConfig(
    String host,
    int port,
    List<Account> accounts,
    List<StreamSpec> streams,
    ClosePolicy policy,
    int journalSize,
    CallbackSettings callbacks,
    long seed,
    String adminToken,
    int endedStreams,
    SimulationConfig simulation,
    TlsSettings tls,
    boolean metrics,
    URI store) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_SEED = 42L;

  public MockConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: must be 0..65535, was " + port);
    }
    accounts = accounts == null || accounts.isEmpty() ? List.of(Account.of(Account.DEFAULT_ACCESS_KEY)) : List.copyOf(accounts);
    streams = streams == null ? List.of() : List.copyOf(streams);
    policy = policy == null ? ClosePolicy.DEFAULT : policy;
    callbacks = callbacks == null ? CallbackSettings.DEFAULT : callbacks;
    if (journalSize < 1) {
      throw new IllegalArgumentException("journalSize: must be at least 1, was " + journalSize);
    }
    if (endedStreams < 0) {
      throw new IllegalArgumentException("endedStreams: must not be negative, was " + endedStreams);
    }
    if (adminToken != null && adminToken.isBlank()) {
      throw new IllegalArgumentException("adminToken: must not be blank");
    }
    simulation = simulation == null ? SimulationConfig.DEFAULT : simulation;
    tls = tls == null ? TlsSettings.NONE : tls;
    if (tls.https() && !tls.httpsOnly() && tls.httpsPort() == port && port != 0) {
      throw new IllegalArgumentException("httpsPort: must differ from port, both were " + port);
    }
    store = Stores.validate(store);
    validateBaseline(accounts, streams, policy);
  }

  /** The defaults: 127.0.0.1:8080, account YOUR_ACCESS_KEY, no streams, journal of 10 000. */
  public static MockConfig defaults() {
    return new MockConfig(
        DEFAULT_HOST, DEFAULT_PORT, List.of(), List.of(), ClosePolicy.DEFAULT, Journal.DEFAULT_SIZE,
        CallbackSettings.DEFAULT, DEFAULT_SEED, null, Streams.DEFAULT_ENDED_RETENTION, SimulationConfig.DEFAULT,
        TlsSettings.NONE, true, null);
  }

  private static void validateBaseline(List<Account> accounts, List<StreamSpec> streams, ClosePolicy policy) {
    Set<String> keys = new HashSet<>();
    for (Account account : accounts) {
      if (!keys.add(account.accessKey())) {
        throw new IllegalArgumentException("accounts: access key '" + account.accessKey() + "' is listed twice");
      }
    }
    Set<String> ids = new HashSet<>();
    for (StreamSpec stream : streams) {
      if (!keys.contains(stream.accessKey())) {
        throw new IllegalArgumentException(
            "streams: stream '" + stream.requestId() + "' names access key '" + stream.accessKey()
                + "', which is not a configured account");
      }
      try {
        io.github.deepcleermock.mock.simulation.StreamSettings.of(stream);
        if (policy.magicValues() && stream.data().path("url").isTextual()) {
          io.github.deepcleermock.mock.simulation.UrlWords.parse(stream.data().path("url").textValue());
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("streams: stream '" + stream.requestId() + "': " + e.getMessage(), e);
      }
      for (String id : idsOf(stream)) {
        if (!ids.add(id)) {
          throw new IllegalArgumentException("streams: id '" + id + "' is used twice");
        }
        if (policy.magicValues() && ClosePipeline.looksMagic(id)) {
          throw new IllegalArgumentException(
              "streams: id '" + id + "' starts with mock-, which is reserved for magic values (or turn them off)");
        }
      }
    }
    for (Account account : accounts) {
      long seeded = streams.stream().filter(s -> s.accessKey().equals(account.accessKey())).count();
      if (seeded > account.maxStreams()) {
        throw new IllegalArgumentException(
            "streams: account '" + account.accessKey() + "' has " + seeded + " streams but maxStreams "
                + account.maxStreams());
      }
    }
  }

  private static List<String> idsOf(StreamSpec stream) {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(stream.requestId()), stream.dupRequestIds().stream())
        .toList();
  }

  public MockConfig withPort(int newPort) {
    return new MockConfig(
        host, newPort, accounts, streams, policy, journalSize, callbacks, seed, adminToken, endedStreams,
        simulation, tls, metrics, store);
  }
}
