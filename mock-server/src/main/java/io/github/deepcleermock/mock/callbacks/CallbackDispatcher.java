package io.github.deepcleermock.mock.callbacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.close.StreamClosedListener;
import io.github.deepcleermock.mock.journal.RecordRing;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Sends stream-end callbacks and retries them on the vendor's schedule.
 *
 * <p>Threads: attempts use the asynchronous {@link HttpClient}, so neither the close request nor any server
 * thread waits for a receiver; the wait before a retry is scheduled on the {@link TimeSource} (a fake clock in
 * tests), and the next attempt is scheduled only when the previous one has completed. A reset bumps a generation
 * number and cancels what is scheduled; late completions of an older generation are dropped. The client's own
 * work (resolving the target, completing responses) runs on at most {@link #MAX_THREADS} threads that end when idle:
 * the JDK's default executor is unbounded (109 idle threads were left after a burst).
 */
public final class CallbackDispatcher implements StreamClosedListener, CallbackLog {

  /** Threads of the callback client at most; attempts never block on them (sending is asynchronous). */
  public static final int MAX_THREADS = 4;

  private final TimeSource time;
  private final CallbackTargets targets;
  private final ThreadPoolExecutor executor;
  private final CallbackSettings settings;
  private final Supplier<ObjectMapper> json;
  /** Created on the first callback: an HttpClient loads TLS and starts a selector thread, which start-up skips. */
  private volatile HttpClient http;
  private final RecordRing<CallbackAttempt> log;
  private final AtomicLong deliveries = new AtomicLong();
  private final AtomicInteger generation = new AtomicInteger();
  private final Set<TimeSource.Cancellable> scheduled = ConcurrentHashMap.newKeySet();
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  /** Monitor for {@link #awaitIdle(Duration)}; notified whenever an attempt completes. */
  private final Object idle = new Object();
  private final AtomicInteger busy = new AtomicInteger();

  private final javax.net.ssl.SSLContext tls;
  private final CallbackObserver observer;

  public CallbackDispatcher(TimeSource time, CallbackSettings settings, Supplier<ObjectMapper> json) {
    this(time, settings, json, null, CallbackObserver.NONE);
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
    this.time = time;
    this.settings = settings;
    this.json = json;
    this.tls = tls;
    this.observer = java.util.Objects.requireNonNull(observer, "observer");
    this.log = new RecordRing<>(settings.logSize());
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

  /** Sends the end callback(s) of a stream that ended: contentType 1 always, 2 when it moderates audio. */
  public void streamEnded(StreamRecord stream, EndOfStream end) {
    StreamSpec spec = stream.spec();
    if (spec.imgCallback() == null) {
      return;
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(Math.max(0, time.nanoTime() - stream.openedAtNanos()));
    start(spec, EndCallbackPayload.IMAGE, spec.imgCallback(), seconds, end);
    if (spec.moderatesAudio()) {
      start(spec, EndCallbackPayload.AUDIO, spec.audioCallback(), seconds, end);
    }
  }

  private void start(StreamSpec spec, int contentType, String target, long seconds, EndOfStream end) {
    ObjectNode payload = EndCallbackPayload.build(spec, contentType, seconds, end);
    byte[] body;
    try {
      body = json.get().writeValueAsBytes(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize the end callback", e);
    }
    Delivery delivery =
        new Delivery(
            "delivery-" + deliveries.incrementAndGet(),
            spec.requestId(),
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
    Instant at = time.now();
    long seq = log.claim();
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(delivery.target))
              .timeout(settings.responseTimeout())
              // Exactly the spec's media type (JSON defines no charset parameter; the body is UTF-8).
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body))
              .build();
    } catch (IllegalArgumentException e) {
      finish(delivery, seq, number, at, null, "invalid callback URL");
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
    busy.decrementAndGet();
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
  public int inFlight() {
    return busy.get();
  }

  /** Cancels scheduled retries and in-flight attempts and empties the log (the baseline has none). */
  public void reset() {
    generation.incrementAndGet();
    for (TimeSource.Cancellable handle : scheduled) {
      handle.cancel();
    }
    scheduled.clear();
    for (CompletableFuture<?> future : inFlight) {
      future.cancel(true);
    }
    log.clear();
  }

  /** Stops the callback threads (the mock is closing); pending attempts are dropped. */
  public void close() {
    reset();
    executor.shutdownNow();
  }

  private record Delivery(
      String id,
      String streamRequestId,
      int contentType,
      String target,
      ObjectNode payload,
      byte[] body,
      int generation) {}
}
