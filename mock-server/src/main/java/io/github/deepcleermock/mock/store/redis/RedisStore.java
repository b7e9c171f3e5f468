package io.github.deepcleermock.mock.store.redis;

import io.github.deepcleermock.mock.callbacks.AttemptLog;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.journal.JournalObserver;
import io.github.deepcleermock.mock.store.ControlStore;
import io.github.deepcleermock.mock.store.Store;
import io.github.deepcleermock.mock.store.TokenBuckets;
import io.github.deepcleermock.mock.store.StoreUnavailableException;
import io.github.deepcleermock.mock.streams.StreamStore;
import io.github.deepcleermock.mock.time.TimeSource;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Lettuce connection to Redis shared by all request threads (Lettuce pipelines their commands on it).
 *
 * <p>A dead Redis must never hold a request thread: commands time out after {@link #COMMAND_TIMEOUT} and, while the
 * connection is down, are rejected at once instead of queued; Lettuce reconnects by itself, so the mock recovers
 * without a restart when Redis returns.
 */
public final class RedisStore implements Store {

  /** How long one command may take before the request answers 1903 {@code store unavailable}. */
  public static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);

  /**
   * How long the connection handshake at start may take: a busy machine (a CI runner building in parallel) took
   * longer than {@link #COMMAND_TIMEOUT}, and a start is no request that a client waits on.
   */
  static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

  /** Longest pause between reconnect attempts: a Redis that returns is used again within about a second. */
  static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisTokenBuckets buckets;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final List<StatefulRedisPubSubConnection<String, String>> subscriptions = new CopyOnWriteArrayList<>();
  private final List<ExecutorService> listeners = new CopyOnWriteArrayList<>();

  private RedisStore(
      ClientResources resources, RedisClient client, StatefulRedisConnection<String, String> connection) {
    this.resources = resources;
    this.client = client;
    this.connection = connection;
    this.buckets = new RedisTokenBuckets(connection.sync());
  }

  /**
   * Connects to {@code uri} ({@code redis://host:port[/db]}).
   *
   * @throws IllegalStateException when Redis does not answer at start (a typo in the URI should not look like an
   *     outage)
   */
  public static RedisStore connect(URI uri) {
    RedisURI target = RedisURI.create(uri);
    // The URI's timeout bounds the handshake; TimeoutOptions below bound every command to COMMAND_TIMEOUT.
    target.setTimeout(HANDSHAKE_TIMEOUT);
    ClientResources resources =
        DefaultClientResources.builder()
            .ioThreadPoolSize(2)
            .computationThreadPoolSize(2)
            .reconnectDelay(
                Delay.exponential(Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
            .build();
    RedisClient client = RedisClient.create(resources, target);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
            .build());
    try {
      return new RedisStore(resources, client, client.connect());
    } catch (RedisException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      resources.shutdown(0, 2, TimeUnit.SECONDS);
      throw new IllegalStateException("store: cannot reach " + uri + " (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public TokenBuckets tokenBuckets() {
    return buckets;
  }

  /**
   * The group's streams; this instance hears what the others do to its streams on its own pub/sub connection
   * (a subscribed connection can run no other command).
   */
  @Override
  public synchronized StreamStore streams(TimeSource time, int endedRetention) {
    RedisStreams streams = new RedisStreams(connection.sync(), time, endedRetention);
    StatefulRedisPubSubConnection<String, String> events;
    try {
      events = client.connectPubSub();
    } catch (RedisException e) {
      throw new StoreUnavailableException(e);
    }
    // Heard on a thread of its own, never on Lettuce's I/O thread: stopping a simulation waits for its stream's
    // monitor, whose holder may be waiting for a Redis reply that only that I/O thread can deliver.
    ExecutorService heard =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "dcm-stream-events");
              thread.setDaemon(true);
              return thread;
            });
    listeners.add(heard);
    events.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, String message) {
            heard.execute(() -> streams.heard(message));
          }
        });
    // Lettuce subscribes again by itself after a reconnect.
    events.sync().subscribe(RedisStreams.CHANNEL);
    subscriptions.add(events);
    return streams;
  }

  @Override
  public Journal journal(int capacity, JournalObserver observer) {
    return new RedisJournal(connection, capacity, observer);
  }

  @Override
  public AttemptLog callbackLog(int capacity) {
    return new RedisAttemptLog(connection, capacity);
  }

  @Override
  public ControlStore control(long faultSeed) {
    try {
      return new RedisControl(connection.sync(), faultSeed);
    } catch (io.lettuce.core.RedisException e) {
      throw new IllegalStateException("store: cannot load the control scripts (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      subscriptions.forEach(StatefulRedisPubSubConnection::close);
      listeners.forEach(ExecutorService::shutdownNow);
      connection.close();
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }
}
