package io.github.deepcleermock.mock.junit;

import io.github.deepcleermock.mock.DeepCleerMock;
import io.github.deepcleermock.mock.journal.JournalEntry;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * JUnit 5 extension that runs a {@link DeepCleerMock} for a test class or a test.
 *
 * <p>In a {@code static} {@code @RegisterExtension} field, one server serves the whole class and is restored to
 * its baseline before each test (put class-wide setup into the builder); in an instance field, every test gets
 * its own server. {@code @Nested} classes share their outer class's server. Test methods may take a
 * {@link DeepCleerMock} parameter. State lives in the extension instance, so parallel test classes each get their
 * own server. Test methods of one class that run concurrently need an instance field: a static one fails them
 * with a message saying so (one server reset before each test cannot serve tests running at the same time).
 *
 * <pre>{@code
 * @RegisterExtension
 * static DeepCleerMockExtension deepcleer = DeepCleerMockExtension.newInstance()
 *     .configure(b -> b.account("my-key"))
 *     .failOnUnknownStreams(true);
 * }</pre>
 */
public final class DeepCleerMockExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

  private static final String PARALLEL_ENABLED = "junit.jupiter.execution.parallel.enabled";

  private Consumer<DeepCleerMock.Builder> configuration = builder -> {};
  private boolean failOnUnknownStreams;
  private boolean https;
  private volatile DeepCleerMock mock;
  private volatile boolean perClass;
  /**
   * Class containers this extension is active in: {@code @Nested} classes inherit a class-level registration and
   * JUnit calls {@code beforeAll}/{@code afterAll} again for each of them, on this same instance. Only the
   * outermost class starts and stops the server, so nested classes share it and nothing is started twice.
   */
  private final AtomicInteger classDepth = new AtomicInteger();

  /** Used by {@link DeepCleerMockTest}; prefer {@link #newInstance()} in code. */
  public DeepCleerMockExtension() {}

  /** A new extension with the builder's defaults (random port, account YOUR_ACCESS_KEY). */
  public static DeepCleerMockExtension newInstance() {
    return new DeepCleerMockExtension();
  }

  /**
   * Configures the mock before it starts (accounts, streams, clock, policy, ...). Calls add up: each runs on the
   * builder after the ones before it, so a later call can add to or override an earlier one.
   */
  public DeepCleerMockExtension configure(Consumer<DeepCleerMock.Builder> configuration) {
    requireNotStarted("configure");
    this.configuration = this.configuration.andThen(Objects.requireNonNull(configuration, "configuration"));
    return this;
  }

  /** Fails a test whose close requests addressed a stream the mock did not know (a likely wrong id). */
  public DeepCleerMockExtension failOnUnknownStreams(boolean fail) {
    requireNotStarted("failOnUnknownStreams");
    this.failOnUnknownStreams = fail;
    return this;
  }

  /**
   * Serves HTTPS on a free port beside HTTP, with a certificate generated at start: point the client under test at
   * {@link #httpsBaseUrl()} with {@link #sslContext()} as its trust (test methods may also take an
   * {@link SSLContext} parameter).
   */
  public DeepCleerMockExtension https() {
    requireNotStarted("https");
    this.https = true;
    return this;
  }

  /**
   * The running mock.
   *
   * @throws IllegalStateException outside a test's lifecycle
   */
  public DeepCleerMock mock() {
    DeepCleerMock running = mock;
    if (running == null) {
      throw new IllegalStateException(
          "The DeepCleer mock is not running: use it inside a test, a @BeforeEach or an @AfterEach method,"
              + " and register the extension with @RegisterExtension");
    }
    return running;
  }

  /** Shortcut for {@code mock().baseUrl()}. */
  public String baseUrl() {
    return mock().baseUrl();
  }

  /** Shortcut for {@code mock().httpsBaseUrl()} (needs {@link #https()}). */
  public String httpsBaseUrl() {
    return mock().httpsBaseUrl();
  }

  /** Shortcut for {@code mock().sslContext()}: trusts the mock's certificate (needs {@link #https()}). */
  public SSLContext sslContext() {
    return mock().sslContext();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    if (classDepth.getAndIncrement() == 0) {
      mock = start();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (perClass) {
      refuseConcurrentMethods(context);
      mock.reset();
    } else {
      mock = start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    DeepCleerMock running = mock;
    if (running == null) {
      return;
    }
    try {
      if (failOnUnknownStreams && context.getExecutionException().isEmpty()) {
        List<JournalEntry> unknown =
            running.journal().all().stream().filter(JournalEntry::unknownStream).toList();
        if (!unknown.isEmpty()) {
          JournalEntry first = unknown.get(unknown.size() - 1);
          throw new AssertionError(
              unknown.size() + " close request(s) addressed an unknown stream, first requestId '"
                  + first.requestId() + "' (" + first.reason() + "). Seed the stream, or build the extension"
                  + " with failOnUnknownStreams(false).");
        }
      }
    } finally {
      if (!perClass) {
        running.close();
        mock = null;
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (classDepth.decrementAndGet() > 0) {
      return;
    }
    DeepCleerMock running = mock;
    mock = null;
    if (running != null) {
      running.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DeepCleerMock.class || (https && type == SSLContext.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SSLContext.class ? mock().sslContext() : mock();
  }

  /**
   * One server per class is reset before each test: tests of the class running at the same time would reset the
   * streams under each other (silently wrong results), so that combination fails before the reset.
   */
  private static void refuseConcurrentMethods(ExtensionContext context) {
    boolean parallel = context.getConfigurationParameter(PARALLEL_ENABLED).map(Boolean::parseBoolean).orElse(false);
    if (parallel && context.getExecutionMode() == ExecutionMode.CONCURRENT) {
      throw new ExtensionConfigurationException(
          "DeepCleerMockExtension in a static field (or @DeepCleerMockTest) shares one mock across the class and"
              + " resets it before each test, but " + context.getDisplayName() + " runs concurrently with the other"
              + " tests of " + context.getRequiredTestClass().getSimpleName() + ". Register the extension in an"
              + " instance field (one mock per test), or run this class's methods on one thread with"
              + " @Execution(ExecutionMode.SAME_THREAD) on the class (classes may still run in parallel).");
    }
  }

  private DeepCleerMock start() {
    DeepCleerMock.Builder builder = DeepCleerMock.builder();
    if (https) {
      builder.https();
    }
    configuration.accept(builder);
    return builder.start();
  }

  private void requireNotStarted(String what) {
    if (mock != null) {
      throw new IllegalStateException(what + "(...) must be called before the mock starts");
    }
  }
}
