package io.github.deepcleermock.mock.callbacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.close.StreamClosedListener;
import io.github.deepcleermock.mock.streams.StreamRecord;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.time.TimeSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Sends callbacks (frame and audio results, stream ends) and retries them on the vendor's schedule.
 *
 * <p>Threads: attempts use the asynchronous {@link HttpClient}, so neither a request, a server thread nor the
 * scheduler waits for a receiver, and no thread exists per stream or per pending callback; the wait before a retry
 * is scheduled on the {@link TimeSource} (a fake clock in tests), and the next attempt is scheduled only when the
 * previous one has completed. At most {@link #MAX_IN_FLIGHT} attempts talk to receivers at once; later ones queue
 * in the order they were made (up to {@link #MAX_QUEUED}; beyond that an attempt is dropped, so memory stays
 * bounded when receivers or the mock's own CPU cannot keep up). A reset bumps a generation
 * number and cancels what is scheduled; late completions of an older generation are dropped. The client's own
 * work (resolving the target, completing responses) runs on at most {@link #MAX_THREADS} threads that end when idle:
 * the JDK's default executor is unbounded (109 idle threads were left after a burst).
 */
public final class CallbackDispatcher implements StreamClosedListener, CallbackLog {

  /** Threads of the callback client at most; attempts never block on them (sending is asynchronous). */
  public static final int MAX_THREADS = 4;
  /** Attempts waiting for a receiver at one time; more wait in the queue. */
  public static final int MAX_IN_FLIGHT = 256;
  /**
   * Attempts waiting for a free slot; past this an attempt is dropped (GAVE_UP, not retried: retrying would only add
   * to the overload it reports, and pending retries would hold memory without bound).
   */
  public static final int MAX_QUEUED = 20_000;
  /** The error of an attempt dropped because the queue was full. */
  public static final String QUEUE_FULL = "the mock's delivery queue is full (dropped, not retried)";
  /** The header naming the stream a callback is about (the mock's, for debugging; the vendor sends none). */
  public static final String STREAM_HEADER = "X-Mock-Stream";

  private final TimeSource time;
  private final CallbackTargets targets;
  private final ThreadPoolExecutor executor;
  private final CallbackSettings settings;
  private final Supplier<ObjectMapper> json;
  /** Created on the first callback: an HttpClient loads TLS and starts a selector thread, which start-up skips. */
  private volatile HttpClient http;
  private final AttemptLog log;
  private final AtomicLong deliveries = new AtomicLong();
  private final AtomicInteger generation = new AtomicInteger();
  private final Set<TimeSource.Cancellable> scheduled = ConcurrentHashMap.newKeySet();
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  /** Monitor for {@link #awaitIdle(Duration)}; notified whenever an attempt completes. */
  private final Object idle = new Object();
  private final AtomicInteger busy = new AtomicInteger();
  /** Attempts holding one of the {@link #MAX_IN_FLIGHT} slots. */
  private final AtomicInteger talking = new AtomicInteger();
  private final AtomicInteger queuedCount = new AtomicInteger();
  private final Queue<Queued> queued = new ConcurrentLinkedQueue<>();
  private final int maxQueued;

  private final javax.net.ssl.SSLContext tls;
  private final CallbackObserver observer;

  public CallbackDispatcher(TimeSource time, CallbackSettings settings, Supplier<ObjectMapper> json) {
    this(time, settings, json, MAX_QUEUED, null, CallbackObserver.NONE, new MemoryAttemptLog(settings.logSize()));
  }

  /** With another queue bound (tests reach it without making 20 000 attempts). */
  CallbackDispatcher(TimeSource time, CallbackSettings settings, Supplier<ObjectMapper> json, int maxQueued) {
    this(time, settings, json, maxQueued, null, CallbackObserver.NONE, new MemoryAttemptLog(settings.logSize()));
  }

  /**
   * @param tls what https receivers are checked against (null: the JDK's default trust)
   * @param observer told of every attempt that ended (metrics)
   */
  public CallbackDispatcher(
      TimeSource time,
      CallbackSettings settings,
      Supplier<ObjectMapper> json,
      javax.net.ssl.SSLContext tls,
      CallbackObserver observer) {
    this(time, settings, json, MAX_QUEUED, tls, observer, new MemoryAttemptLog(settings.logSize()));
  }

  /**
   * @param tls what https receivers are checked against (null: the JDK's default trust)
   * @param observer told of every attempt that ended (metrics)
   * @param log where attempts are listed (the store's: this process's memory or shared)
   */
  public CallbackDispatcher(
      TimeSource time,
      CallbackSettings settings,
      Supplier<ObjectMapper> json,
      javax.net.ssl.SSLContext tls,
      CallbackObserver observer,
      AttemptLog log) {
    this(time, settings, json, MAX_QUEUED, tls, observer, log);
  }

  private CallbackDispatcher(
      TimeSource time,
      CallbackSettings settings,
      Supplier<ObjectMapper> json,
      int maxQueued,
      javax.net.ssl.SSLContext tls,
      CallbackObserver observer,
      AttemptLog log) {
    this.maxQueued = maxQueued;
    this.time = time;
    this.settings = settings;
    this.json = json;
    this.tls = tls;
    this.observer = java.util.Objects.requireNonNull(observer, "observer");
    this.log = java.util.Objects.requireNonNull(log, "log");
    this.targets = new CallbackTargets(settings.allowLinkLocal());
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), runnable -> {
          Thread thread = new Thread(runnable, "deepcleer-mock-callbacks-" + threadNumber.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    this.executor.allowCoreThreadTimeOut(true);
  }

  /** Which targets callbacks refuse (the mock's own admin API, link-local addresses). */
  public CallbackTargets targets() {
    return targets;
  }

  @Override
  public void streamClosed(StreamRecord stream) {
    if (stream.spec().returnFinishInfo() == 1) {
      streamEnded(stream, EndOfStream.CLOSED_BY_CLIENT);
    }
  }

  /**
   * Sends the end callback(s) of a stream that ended (U7): contentType 1 to imgCallback always, contentType 2 to
   * audioCallback when it moderates audio, each with the verdict of its medium.
   */
  public void streamEnded(StreamRecord stream, EndOfStream end) {
    StreamSpec spec = stream.spec();
    if (spec.imgCallback() == null) {
      return;
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(Math.max(0, time.nanoTime() - stream.openedAtNanos()));
    send(spec.requestId(), CallbackKind.STREAM_END, EndCallbackPayload.IMAGE, spec.imgCallback(),
        EndCallbackPayload.build(spec, EndCallbackPayload.IMAGE, seconds, end));
    if (spec.moderatesAudio()) {
      send(spec.requestId(), CallbackKind.STREAM_END, EndCallbackPayload.AUDIO, spec.audioCallback(),
          EndCallbackPayload.build(spec, EndCallbackPayload.AUDIO, seconds, end));
    }
  }

  /**
   * Delivers one callback to {@code target}: the first attempt now (or as soon as a slot is free), retries on the
   * vendor's schedule. Never blocks.
   *
   * @param streamRequestId the stream it is about (sent in {@value #STREAM_HEADER} and listed in the log)
   */
  public void send(String streamRequestId, CallbackKind kind, int contentType, String target, ObjectNode payload) {
    byte[] body;
    try {
      body = json.get().writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize the callback", e);
    }
    Delivery delivery =
        new Delivery(
            log.deliveryId(deliveries.incrementAndGet()),
            streamRequestId,
            kind,
            contentType,
            target,
            payload,
            body,
            generation.get());
    attempt(delivery, 1);
  }

  private void attempt(Delivery delivery, int number) {
    if (delivery.generation != generation.get()) {
      return;
    }
    // The log slot is claimed now, so the log lists attempts in the order they were made, queued or not.
    Instant at = time.now();
    long seq = log.claim();
    // FIFO: a new attempt never overtakes queued ones (an end callback never jumps a result sent before it).
    if (queuedCount.get() == 0 && takeSlot()) {
      talk(delivery, number, seq, at);
      return;
    }
    if (queuedCount.incrementAndGet() > maxQueued) {
      queuedCount.decrementAndGet();
      record(delivery, seq, number, at, null, QUEUE_FULL, CallbackOutcome.GAVE_UP, null);
      return;
    }
    record(delivery, seq, number, at, null, null, CallbackOutcome.PENDING, null);
    busy.incrementAndGet();
    queued.add(new Queued(delivery, number, seq, at));
    // A slot may have freed between the check and the add: make sure the queue is drained.
    startQueued();
  }

  /** Takes one of the {@link #MAX_IN_FLIGHT} slots if one is free. */
  private boolean takeSlot() {
    while (true) {
      int now = talking.get();
      if (now >= MAX_IN_FLIGHT) {
        return false;
      }
      if (talking.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Starts queued attempts, oldest first, while slots are free. */
  private void startQueued() {
    while (!queued.isEmpty() && takeSlot()) {
      Queued next = queued.poll();
      if (next == null) {
        // Another thread took the last one; give the slot back and look again.
        talking.decrementAndGet();
        continue;
      }
      queuedCount.decrementAndGet();
      try {
        if (next.delivery.generation != generation.get()) {
          talking.decrementAndGet();
        } else {
          talk(next.delivery, next.number, next.seq, next.at);
        }
      } finally {
        busy.decrementAndGet();
      }
    }
  }

  /** Makes the attempt; the caller holds one of the {@link #MAX_IN_FLIGHT} slots, which {@link #idle()} frees. */
  private void talk(Delivery delivery, int number, long seq, Instant at) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(delivery.target))
              .timeout(settings.responseTimeout())
              // Exactly the spec's media type (JSON defines no charset parameter; the body is UTF-8).
              .header("Content-Type", "application/json")
              .header(STREAM_HEADER, delivery.streamRequestId)
              .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body))
              .build();
    } catch (IllegalArgumentException e) {
      talking.decrementAndGet();
      finish(delivery, seq, number, at, null, "invalid callback URL");
      startQueued();
      return;
    }
    // Listed as PENDING while in flight; the same log slot is updated when the attempt completes.
    record(delivery, seq, number, at, null, null, CallbackOutcome.PENDING, null);
    busy.incrementAndGet();
    try {
      // Off the caller's thread (a server thread for the first attempt): the target check resolves its host.
      executor.execute(() -> send(delivery, seq, number, at, request));
    } catch (RejectedExecutionException e) {
      completed(delivery, seq, number, at, null, "the mock is shutting down");
    }
  }

  private void send(Delivery delivery, long seq, int number, Instant at, HttpRequest request) {
    String refused = targets.refusal(delivery.target);
    if (refused != null) {
      try {
        // Refused for what the target is: another attempt could only be refused again.
        if (delivery.generation == generation.get()) {
          record(delivery, seq, number, at, null, "refused: the target " + refused, CallbackOutcome.GAVE_UP, null);
        }
      } finally {
        idle();
      }
      return;
    }
    CompletableFuture<HttpResponse<Void>> sent;
    try {
      sent = http().sendAsync(request, HttpResponse.BodyHandlers.discarding());
    } catch (RuntimeException e) {
      completed(delivery, seq, number, at, null, describe(e));
      return;
    }
    inFlight.add(sent);
    sent.whenComplete(
        (response, failure) -> {
          inFlight.remove(sent);
          if (failure != null) {
            completed(delivery, seq, number, at, null, describe(failure));
          } else if (response.statusCode() == 200) {
            completed(delivery, seq, number, at, 200, null);
          } else {
            completed(delivery, seq, number, at, response.statusCode(),
                "HTTP " + response.statusCode() + " is not 200");
          }
        });
  }

  private void completed(Delivery delivery, long seq, int number, Instant at, Integer status, String error) {
    try {
      finish(delivery, seq, number, at, status, error);
    } finally {
      idle();
    }
  }

  private void idle() {
    talking.decrementAndGet();
    busy.decrementAndGet();
    startQueued();
    synchronized (idle) {
      idle.notifyAll();
    }
  }

  private void finish(Delivery delivery, long seq, int number, Instant at, Integer status, String error) {
    if (delivery.generation != generation.get()) {
      return;
    }
    if (error == null) {
      record(delivery, seq, number, at, status, null, CallbackOutcome.DELIVERED, null);
      return;
    }
    if (number > settings.retries()) {
      record(delivery, seq, number, at, status, error, CallbackOutcome.GAVE_UP, null);
      return;
    }
    Duration wait = settings.waitBeforeRetry(number);
    record(delivery, seq, number, at, status, error, CallbackOutcome.FAILED, time.now().plus(wait));
    TimeSource.Cancellable[] handle = new TimeSource.Cancellable[1];
    handle[0] =
        time.schedule(
            wait.toNanos(),
            () -> {
              scheduled.remove(handle[0]);
              attempt(delivery, number + 1);
            });
    scheduled.add(handle[0]);
  }

  private void record(
      Delivery delivery,
      long seq,
      int number,
      Instant at,
      Integer status,
      String error,
      CallbackOutcome outcome,
      Instant next) {
    CallbackAttempt attempt =
        new CallbackAttempt(
            delivery.id,
            delivery.streamRequestId,
            delivery.kind,
            delivery.contentType,
            delivery.target,
            number,
            at,
            status,
            error,
            outcome,
            next,
            delivery.payload);
    log.put(seq, attempt);
    if (outcome != CallbackOutcome.PENDING) {
      observer.attemptEnded(attempt);
    }
  }

  private static String describe(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
    if (cause instanceof HttpTimeoutException) {
      return "no answer within the timeout";
    }
    if (cause instanceof java.net.ConnectException) {
      return "connection refused";
    }
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private HttpClient http() {
    HttpClient client = http;
    if (client == null) {
      synchronized (this) {
        client = http;
        if (client == null) {
          HttpClient.Builder builder =
              HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(settings.connectTimeout())
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .executor(executor);
          if (tls != null) {
            builder.sslContext(tls);
          }
          client = builder.build();
          http = client;
        }
      }
    }
    return client;
  }

  @Override
  public List<CallbackAttempt> attempts() {
    return log.oldestFirst(attempt -> true);
  }

  @Override
  public List<CallbackAttempt> attempts(Predicate<CallbackAttempt> filter) {
    return log.oldestFirst(filter);
  }

  /**
   * Waits until no attempt is in flight. A retry still waiting for its due time does not count: with a fake
   * clock, advance the clock to start it. Users call {@code DeepCleerMock.awaitCallbacksIdle}, which fails with a
   * message instead of returning false.
   *
   * @return true if idle, false if {@code timeout} passed first
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (busy.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
    }
    return true;
  }

  @Override
  public CallbackAttempt awaitCallback(String requestId, int n, Duration timeout) {
    try {
      return waitForCallback(requestId, n, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for callback " + n + " of '" + requestId + "'", e);
    }
  }

  private CallbackAttempt waitForCallback(String requestId, int n, Duration timeout) throws InterruptedException {
    if (n < 1) {
      throw new IllegalArgumentException("n: must be at least 1, was " + n);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (true) {
        List<CallbackAttempt> firsts =
            log.oldestFirst(a -> a.attempt() == 1 && a.streamRequestId().equals(requestId));
        if (firsts.size() >= n && firsts.get(n - 1).outcome() != CallbackOutcome.PENDING) {
          return firsts.get(n - 1);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          long answered = firsts.stream().filter(a -> a.outcome() != CallbackOutcome.PENDING).count();
          throw new IllegalStateException(
              "Callback " + n + " of stream '" + requestId + "' was not sent within " + timeout + " ("
                  + firsts.size() + " sent, " + answered + " answered). With a MockClock, advance the clock"
                  + " to the time it is due.");
        }
        // Attempts made on a fake clock's thread do not notify: wake up now and then to look again.
        TimeUnit.NANOSECONDS.timedWait(idle, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
      }
    }
  }

  @Override
  public int inFlight() {
    return busy.get();
  }

  /** Cancels scheduled retries and in-flight attempts and empties the log (the baseline has none). */
  public void reset() {
    cancelAll();
    clearLog();
  }

  /** Empties the log (after {@link #cancelAll()}, so that no attempt of before writes into it again). */
  public void clearLog() {
    log.clear();
  }

  /**
   * Cancels scheduled retries and in-flight attempts but keeps the log: at start and at close, where a log shared
   * with other instances must not lose their attempts.
   */
  public void cancelAll() {
    generation.incrementAndGet();
    for (TimeSource.Cancellable handle : scheduled) {
      handle.cancel();
    }
    scheduled.clear();
    for (CompletableFuture<?> future : inFlight) {
      future.cancel(true);
    }
    // Queued attempts of the old generation drop themselves when they are started.
    startQueued();
  }

  /** Attempt records this instance could not write to a shared log (0 in memory). */
  public long droppedRecords() {
    return log.dropped();
  }

  /** Stops the callback threads (the mock is closing); pending attempts are dropped, the log is kept. */
  public void close() {
    cancelAll();
    executor.shutdownNow();
  }

  private record Queued(Delivery delivery, int number, long seq, Instant at) {}

  private record Delivery(
      String id,
      String streamRequestId,
      CallbackKind kind,
      int contentType,
      String target,
      ObjectNode payload,
      byte[] body,
      int generation) {}
}
