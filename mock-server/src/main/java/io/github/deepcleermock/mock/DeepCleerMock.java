package io.github.deepcleermock.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.accounts.AccountDirectory;
import io.github.deepcleermock.mock.accounts.Accounts;
import io.github.deepcleermock.mock.admin.AdminApi;
import io.github.deepcleermock.mock.callbacks.CallbackDispatcher;
import io.github.deepcleermock.mock.callbacks.CallbackLog;
import io.github.deepcleermock.mock.callbacks.CallbackObserver;
import io.github.deepcleermock.mock.callbacks.CallbackSettings;
import io.github.deepcleermock.mock.close.ClosePipeline;
import io.github.deepcleermock.mock.close.ClosePolicy;
import io.github.deepcleermock.mock.close.UnknownStreamPolicy;
import io.github.deepcleermock.mock.faults.FaultRules;
import io.github.deepcleermock.mock.faults.Faults;
import io.github.deepcleermock.mock.http.DelayedAnswers;
import io.github.deepcleermock.mock.http.JettyRuntime;
import io.github.deepcleermock.mock.http.LogMasks;
import io.github.deepcleermock.mock.http.MockHttpServer;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.journal.JournalObserver;
import io.github.deepcleermock.mock.simulation.Scenarios;
import io.github.deepcleermock.mock.simulation.ScenarioSpec;
import io.github.deepcleermock.mock.simulation.Simulation;
import io.github.deepcleermock.mock.simulation.SimulationConfig;
import io.github.deepcleermock.mock.journal.RequestJournal;
import io.github.deepcleermock.mock.metrics.MockMetrics;
import io.github.deepcleermock.mock.states.ProviderStates;
import io.github.deepcleermock.mock.streams.GroupEvents;
import io.github.deepcleermock.mock.streams.StreamRecord;
import io.github.deepcleermock.mock.streams.StreamStore;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.store.ControlStore;
import io.github.deepcleermock.mock.store.Store;
import io.github.deepcleermock.mock.store.Stores;
import io.github.deepcleermock.mock.submit.SubmitPipeline;
import io.github.deepcleermock.mock.streams.Streams;
import io.github.deepcleermock.mock.time.MockClock;
import io.github.deepcleermock.mock.time.ScaledTimeSource;
import io.github.deepcleermock.mock.time.SystemTimeSource;
import io.github.deepcleermock.mock.time.TimeSource;
import io.github.deepcleermock.mock.tls.CallbackTrust;
import io.github.deepcleermock.mock.tls.ServerIdentity;
import io.github.deepcleermock.mock.tls.TlsSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running DeepCleer Video Stream mock: the submit and close endpoints, their state and the control plane, in
 * this JVM.
 *
 * <pre>{@code
 * try (DeepCleerMock mock = DeepCleerMock.builder().account(Account.of("my-key")).start()) {
 *   mock.streams().open(StreamSpec.builder().accessKey("my-key").requestId("stream-1").build());
 *   // point the code under test at mock.baseUrl() ...
 * }
 * }</pre>
 *
 * <p>No static state: any number of instances can run side by side. {@link #close()} is idempotent.
 */
public final class DeepCleerMock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeepCleerMock.class);

  private final MockConfig config;
  private final TimeSource time;
  private final MockClock mockClock;
  private final Accounts accounts;
  private final StreamStore streamIndex;
  private final FaultRules faults;
  private final ControlStore control;
  private final ControlStore.Baseline baseline;
  private final Journal journal;
  private final CallbackDispatcher callbacks;
  private final MockStreams streams;
  private final Scenarios scenarios;
  private final Simulation simulation;
  private volatile String mediaBaseUrl = "http://127.0.0.1";
  private final ProviderStates states;
  private final DelayedAnswers delayed;
  private final MockHttpServer server;
  private final MockMetrics metrics;
  private final ServerIdentity identity;
  private final String baseUrl;
  private final String httpsBaseUrl;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Store store;

  private DeepCleerMock(MockConfig config, MockClock clock, int maxThreads) {
    this.config = config;
    // TLS material first: a bad key store or trust file fails before anything runs that would need stopping.
    this.identity = config.tls().https() ? ServerIdentity.of(config.tls(), config.host()) : null;
    SSLContext callbackTrust = CallbackTrust.of(config.tls().callbackTrust());
    // The store next: an unreachable Redis fails the start before any thread or port is taken.
    this.store = Stores.open(config.store());
    // Accounts, faults and scenarios live in the store: this process's memory, or Redis shared by a group.
    this.baseline = new ControlStore.Baseline(config.accounts(), config.simulation().scenarios());
    this.control = joinControl(store, config.seed(), baseline);
    this.accounts = control.accounts();
    this.faults = control.faults();
    this.scenarios = control.scenarios();
    this.mockClock = clock;
    this.time = clock != null ? clock : new SystemTimeSource();
    // Jackson's databind is only needed by the admin API and callbacks; loading it lazily keeps start-up short.
    Supplier<ObjectMapper> mapper = new LazyMapper();
    // Opened streams are told to the simulation by the openers (the submit's open step, MockStreams).
    this.streamIndex = store.streams(time, config.endedStreams());
    this.metrics = config.metrics() ? new MockMetrics() : null;
    this.journal =
        store.journal(config.journalSize(), metrics == null ? JournalObserver.NONE : metrics.requests());
    // Simulated streams and callback retries may run faster than real time (--time-scale); limits never do.
    TimeSource simulated = ScaledTimeSource.of(time, config.simulation().timeScale());
    this.callbacks =
        new CallbackDispatcher(
            simulated,
            config.callbacks(),
            mapper,
            callbackTrust,
            metrics == null ? CallbackObserver.NONE : metrics.callbacks(),
            store.callbackLog(config.callbacks().logSize()));
    this.simulation =
        new Simulation(
            simulated, streamIndex, callbacks, scenarios, config.policy().magicValues(), () -> mediaBaseUrl);
    this.streams =
        new MockStreams(streamIndex, accounts, callbacks, time, config.policy().magicValues(), simulation);
    simulation.endVia(streams::end);
    // Other instances of a shared store stop or reset streams this one simulates: their timers go with them.
    streamIndex.listen(
        new GroupEvents() {
          @Override
          public void stoppedElsewhere(StreamRecord stream) {
            simulation.drop(stream);
          }

          @Override
          public void resetElsewhere() {
            simulation.reset();
          }
        });
    this.states = new ProviderStates(accounts, streams, faults, this::tearDownState);
    this.delayed = new DelayedAnswers(time);
    if (metrics != null) {
      metrics.watch(journal, streamIndex);
    }
    // Joining, not resetting: a shared store holds the group's control state, streams, journal and callback log.
    restoreBaseline(false);
    // The simulation hears of closes first: it stops the stream and sends the end callbacks with what it saw.
    ClosePipeline pipeline =
        new ClosePipeline(
            accounts, streamIndex, faults, time, config.policy(), simulation, store.tokenBuckets(),
            control.refresh());
    // Submitted streams are told to the simulation by the submit's open step (seeds by MockStreams).
    SubmitPipeline submitPipeline =
        new SubmitPipeline(
            accounts, streamIndex, faults, time, config.policy().magicValues(), simulation, store.tokenBuckets(),
            control.refresh());
    AdminApi admin =
        new AdminApi(
            new AdminApi.Parts(
                accounts, streams, faults, journal, callbacks, states, scenarios, this::reset, mapper,
                config.adminToken(), metrics, identity));
    TlsSettings tls = config.tls();
    try {
      // Before any Jetty class is linked: a wrong Jetty fails here with one line that says what to use instead.
      JettyRuntime.requireCompatible();
    } catch (IllegalStateException e) {
      shutdownTime();
      throw e;
    }
    try {
      this.server =
          MockHttpServer.start(
              config.host(), config.port(), maxThreads, pipeline, submitPipeline, journal, time, delayed,
              admin, simulation,
              tls.https() ? new MockHttpServer.Https(tls.httpsPort(), tls.httpsOnly(), identity) : null);
    } catch (LinkageError e) {
      // A Jetty mix the check did not foresee: still the same advice, not a raw NoClassDefFoundError.
      shutdownTime();
      throw new IllegalStateException(JettyRuntime.incompatible("a Jetty that fails to link: " + e), e);
    } catch (RuntimeException e) {
      shutdownTime();
      if (metrics != null) {
        metrics.close();
      }
      throw new IllegalStateException(
          "Cannot start the mock on " + config.host() + ":" + config.port()
              + (tls.https() ? " (HTTPS " + tls.httpsPort() + ")" : "") + ": " + rootMessage(e), e);
    }
    this.baseUrl = tls.httpsOnly() ? null : "http://" + hostForUrl(config.host()) + ":" + server.port();
    this.httpsBaseUrl = tls.https() ? "https://" + hostForUrl(config.host()) + ":" + server.httpsPort() : null;
    this.mediaBaseUrl = baseUrl != null ? baseUrl : httpsBaseUrl;
    // Both listeners serve the control plane: a callback must reach it through neither.
    callbacks.targets().bound(tls.httpsOnly() ? -1 : server.port(), tls.https() ? server.httpsPort() : -1);
    LOG.info(
        "DeepCleer mock listening on {} (accounts: {}; streams: {}; unknownStream={}; magic values {})",
        boundAddresses(config.host(), tls),
        String.join(", ", config.accounts().stream().map(a -> LogMasks.accessKey(a.accessKey())).toList()),
        config.streams().size(),
        config.policy().unknownStreams().name().toLowerCase(),
        config.policy().magicValues() ? "on" : "off");
  }

  /** A builder with the defaults: 127.0.0.1, a free port, account YOUR_ACCESS_KEY, system time. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts a mock from a complete configuration (the CLI uses this). */
  public static DeepCleerMock start(MockConfig config) {
    return new DeepCleerMock(config, null, Builder.DEFAULT_MAX_THREADS);
  }

  /**
   * {@code http://host:port}, without a trailing slash.
   *
   * @throws IllegalStateException when the mock serves HTTPS only
   */
  public String baseUrl() {
    requireOpen("baseUrl()");
    if (baseUrl == null) {
      throw new IllegalStateException("This mock serves HTTPS only: use httpsBaseUrl() (and sslContext()).");
    }
    return baseUrl;
  }

  /**
   * {@code https://host:port}, without a trailing slash; clients trust it through {@link #sslContext()}.
   *
   * @throws IllegalStateException when the mock was started without HTTPS
   */
  public String httpsBaseUrl() {
    requireOpen("httpsBaseUrl()");
    requireHttps("httpsBaseUrl()");
    return httpsBaseUrl;
  }

  /** {@link #httpsBaseUrl()} as a URI. */
  public URI httpsBaseUri() {
    return URI.create(httpsBaseUrl());
  }

  /** The bound HTTPS port. */
  public int httpsPort() {
    requireOpen("httpsPort()");
    requireHttps("httpsPort()");
    return server.httpsPort();
  }

  /**
   * A client SSL context that trusts this mock's certificate issuer (the generated CA, or the top of the key
   * store's chain) and nothing else; give it to the client under test.
   */
  public SSLContext sslContext() {
    requireHttps("sslContext()");
    return identity.clientSslContext();
  }

  /** The issuer clients trust, in PEM ({@code GET /__admin/tls/ca.pem}). */
  public String caCertificatePem() {
    requireHttps("caCertificatePem()");
    return identity.issuerPem();
  }

  private void requireHttps(String what) {
    if (identity == null) {
      throw new IllegalStateException(
          what + " needs HTTPS: build the mock with DeepCleerMock.builder().https() (or --https-port)");
    }
  }

  /** {@link #baseUrl()} as a URI. */
  public URI baseUri() {
    return URI.create(baseUrl());
  }

  /** The bound plain-HTTP port. */
  public int port() {
    requireOpen("port()");
    if (baseUrl == null) {
      throw new IllegalStateException("This mock serves HTTPS only: use httpsPort().");
    }
    return server.port();
  }

  /** The configuration this mock started from (its baseline). */
  public MockConfig config() {
    return config;
  }

  /** Registered access keys: add, change or remove them. */
  public AccountDirectory accounts() {
    return accounts;
  }

  /** Stream tasks: seed, read, end. */
  public MockStreams streams() {
    return streams;
  }

  /** Fault rules. */
  public Faults faults() {
    return faults;
  }

  /** Scenario rules: scripts for streams as they open, by accessKey, url, room or tokenId (first match wins). */
  public Scenarios scenarios() {
    return scenarios;
  }

  /** The request journal. */
  public RequestJournal journal() {
    return journal;
  }

  /** Callback attempts (frame and audio results, stream ends); {@code awaitCallback} waits for one. */
  public CallbackLog callbacks() {
    return callbacks;
  }

  /** Pact provider states, as {@code POST /__admin/provider-states} applies them. */
  public ProviderStates providerStates() {
    return states;
  }

  /**
   * The fake clock this mock was built with.
   *
   * @throws IllegalStateException when the mock runs on system time
   */
  public MockClock clock() {
    if (mockClock == null) {
      throw new IllegalStateException(
          "This mock runs on system time. Build it with DeepCleerMock.builder().clock(new MockClock()) to control"
              + " time.");
    }
    return mockClock;
  }

  /**
   * Waits until no callback attempt is in flight (retries waiting for their due time do not count).
   *
   * @throws IllegalStateException when {@code timeout} passes first
   */
  public void awaitCallbacksIdle(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    try {
      if (!callbacks.awaitIdle(timeout)) {
        throw new IllegalStateException(
            "Callbacks still in flight after " + timeout + ": " + callbacks.inFlight()
                + " attempt(s) wait for a receiver that does not answer");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for callbacks", e);
    }
  }

  /**
   * Restores the baseline: configured accounts with full buckets and flags cleared, configured streams ACTIVE, no
   * faults, empty journal and callback log; pending callback retries are cancelled and delayed answers are sent.
   */
  public void reset() {
    requireOpen("reset()");
    restoreBaseline(true);
  }

  /**
   * A provider state's teardown: callbacks the interaction fired that are in flight are given the time one attempt
   * may take to reach their receiver (a Pact verifier tears down right after the interaction, usually before the
   * asynchronous callback went out), then the baseline is restored; retries still waiting are cancelled with it.
   */
  private void tearDownState() {
    CallbackSettings settings = config.callbacks();
    try {
      callbacks.awaitIdle(settings.connectTimeout().plus(settings.responseTimeout()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    reset();
  }

  /**
   * @param reset a reset restores the baseline of the whole group (control state, streams, journal, callback log);
   *     at start this instance joins what the store holds (a second instance of a group must not wipe the first
   *     one's changes) and adds only the configured streams the group lacks
   */
  private void restoreBaseline(boolean reset) {
    // The shared stores first: a store that cannot be reached then fails the reset before anything local changed.
    if (reset) {
      control.restore(baseline);
    }
    List<StreamRecord> opened =
        reset ? streamIndex.restore(config.streams()) : streamIndex.startWith(config.streams());
    simulation.reset();
    callbacks.cancelAll();
    delayed.releaseAll();
    try {
      if (reset) {
        // Last of the restore and each one step: a shared store that does not answer fails the reset (503) after
        // this instance's own state is restored, and before anything the baseline streams would log.
        journal.clear();
        callbacks.clearLog();
      }
    } finally {
      streams.openedBaseline(opened);
    }
  }

  /** Stops the server; delayed answers are sent first and callback retries are dropped. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    delayed.releaseAll();
    simulation.reset();
    callbacks.close();
    server.close();
    if (metrics != null) {
      metrics.close();
    }
    shutdownTime();
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  private void shutdownTime() {
    if (time instanceof SystemTimeSource system) {
      system.close();
    }
    store.close();
  }

  private void requireOpen(String what) {
    if (closed.get()) {
      throw new IllegalStateException(what + " called on a closed mock; start a new one with DeepCleerMock.builder()");
    }
  }

  /** The addresses really bound (a wildcard host stays a wildcard), for the start-up line. */
  private String boundAddresses(String host, TlsSettings tls) {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    List<String> bound = new ArrayList<>();
    if (!tls.httpsOnly()) {
      bound.add("http://" + shown + ":" + server.port());
    }
    if (tls.https()) {
      bound.add("https://" + shown + ":" + server.httpsPort());
    }
    return String.join(" and ", bound);
  }

  /**
   * The store's control state, joined at start (the group's state, or the baseline for a new group); a failure to
   * reach the store releases it before the start fails, while nothing else holds a thread yet.
   */
  private static ControlStore joinControl(Store store, long seed, ControlStore.Baseline baseline) {
    try {
      ControlStore control = store.control(seed);
      control.join(baseline);
      return control;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static String hostForUrl(String host) {
    if (host.equals("0.0.0.0") || host.equals("::")) {
      return "127.0.0.1";
    }
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** One ObjectMapper per mock, made on first use. */
  private static final class LazyMapper implements Supplier<ObjectMapper> {
    private volatile ObjectMapper mapper;

    @Override
    public ObjectMapper get() {
      ObjectMapper made = mapper;
      if (made == null) {
        synchronized (this) {
          made = mapper;
          if (made == null) {
            made = new ObjectMapper();
            mapper = made;
          }
        }
      }
      return made;
    }
  }

  /** Configures and starts a {@link DeepCleerMock}. */
  public static final class Builder {

    static final int DEFAULT_MAX_THREADS = 250;

    private String host = MockConfig.DEFAULT_HOST;
    private int port = 0;
    private final List<Account> accounts = new ArrayList<>();
    private final List<StreamSpec> streams = new ArrayList<>();
    private UnknownStreamPolicy unknownStreams = UnknownStreamPolicy.ACCEPT;
    private boolean magicValues = true;
    private int journalSize = Journal.DEFAULT_SIZE;
    private CallbackSettings callbacks = CallbackSettings.DEFAULT;
    private long seed = MockConfig.DEFAULT_SEED;
    private String adminToken;
    private int endedStreams = Streams.DEFAULT_ENDED_RETENTION;
    private final List<ScenarioSpec> scenarios = new ArrayList<>();
    private double timeScale = 1;
    private MockClock clock;
    private int maxThreads = DEFAULT_MAX_THREADS;
    private TlsSettings tls = TlsSettings.NONE;
    private boolean metrics = true;
    private URI store;

    private Builder() {}

    /** Starts from a whole configuration; later calls change it. */
    public Builder config(MockConfig config) {
      host = config.host();
      port = config.port();
      accounts.clear();
      accounts.addAll(config.accounts());
      streams.clear();
      streams.addAll(config.streams());
      unknownStreams = config.policy().unknownStreams();
      magicValues = config.policy().magicValues();
      journalSize = config.journalSize();
      callbacks = config.callbacks();
      seed = config.seed();
      adminToken = config.adminToken();
      endedStreams = config.endedStreams();
      scenarios.clear();
      scenarios.addAll(config.simulation().scenarios());
      timeScale = config.simulation().timeScale();
      tls = config.tls();
      metrics = config.metrics();
      store = config.store();
      return this;
    }

    /**
     * Keeps shared state in the Redis at {@code uri} ({@code redis://host:port[/db]}); every instance given the
     * same Redis shares its limits. Null: this process's memory (the default).
     */
    public Builder store(URI uri) {
      this.store = Stores.validate(uri);
      return this;
    }

    /** Serves HTTPS on a free port beside HTTP, with a certificate generated at start. */
    public Builder https() {
      return httpsPort(0);
    }

    /** Serves HTTPS on {@code port} (0 = a free one) beside HTTP. */
    public Builder httpsPort(int port) {
      this.tls = tls.withHttpsPort(port);
      return this;
    }

    /** Serves HTTPS only (needs {@link #https()} or {@link #httpsPort(int)}): no plain HTTP listener. */
    public Builder httpsOnly(boolean only) {
      this.tls = tls.withHttpsOnly(only);
      return this;
    }

    /** Presents the key and chain of a PKCS12 or JKS file instead of a generated certificate. */
    public Builder keystore(Path file, String password) {
      this.tls = tls.withKeystore(Objects.requireNonNull(file, "file"), Objects.requireNonNull(password, "password"));
      return this;
    }

    /** Callbacks to https receivers trust the certificates of this PEM file besides the JDK's roots. */
    public Builder callbackTrust(Path pemFile) {
      this.tls = tls.withCallbackTrust(Objects.requireNonNull(pemFile, "pemFile"));
      return this;
    }

    /** Counts and serves Prometheus metrics at {@code GET /__admin/metrics} (default: on). */
    public Builder metrics(boolean enabled) {
      this.metrics = enabled;
      return this;
    }

    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port to bind; 0 (the builder's default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Registers an account; with none, the default account YOUR_ACCESS_KEY is registered. */
    public Builder account(Account account) {
      accounts.add(Objects.requireNonNull(account, "account"));
      return this;
    }

    /** Registers an account with the defaults (qps 50, maxStreams 100, permissions submit and finish). */
    public Builder account(String accessKey) {
      return account(Account.of(accessKey));
    }

    /** A stream that is ACTIVE at start and after every reset. */
    public Builder stream(StreamSpec stream) {
      streams.add(Objects.requireNonNull(stream, "stream"));
      return this;
    }

    public Builder unknownStreams(UnknownStreamPolicy policy) {
      this.unknownStreams = Objects.requireNonNull(policy, "policy");
      return this;
    }

    public Builder magicValues(boolean enabled) {
      this.magicValues = enabled;
      return this;
    }

    public Builder journalSize(int size) {
      this.journalSize = size;
      return this;
    }

    public Builder callbacks(CallbackSettings settings) {
      this.callbacks = Objects.requireNonNull(settings, "settings");
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder adminToken(String token) {
      this.adminToken = token;
      return this;
    }

    /** How many CLOSED or ENDED streams are kept for re-close idempotency (default 10 000, newest kept). */
    public Builder endedStreams(int count) {
      this.endedStreams = count;
      return this;
    }

    /** A scenario rule of the baseline: matching streams get its script as they open (first match wins). */
    public Builder scenario(ScenarioSpec scenario) {
      scenarios.add(Objects.requireNonNull(scenario, "scenario"));
      return this;
    }

    /** Runs simulated streams and callback retries this many times faster than real time (the QPS limit never). */
    public Builder timeScale(double scale) {
      this.timeScale = scale;
      return this;
    }

    /** Drives limits, delays and callback retries from a fake clock instead of system time. */
    public Builder clock(MockClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Jetty worker threads (default 250, as Javalin's own default). Delayed answers and callbacks hold none. */
    public Builder maxThreads(int maxThreads) {
      if (maxThreads < 4) {
        throw new IllegalArgumentException("maxThreads: must be at least 4, was " + maxThreads);
      }
      this.maxThreads = maxThreads;
      return this;
    }

    /** The configuration this builder describes. */
    public MockConfig toConfig() {
      return new MockConfig(
          host, port, accounts, streams, new ClosePolicy(unknownStreams, magicValues), journalSize, callbacks,
          seed, adminToken, endedStreams, new SimulationConfig(scenarios, timeScale), tls, metrics, store);
    }

    /** Starts the server; the returned mock is ready for requests. */
    public DeepCleerMock start() {
      return new DeepCleerMock(toConfig(), clock, maxThreads);
    }
  }
}
