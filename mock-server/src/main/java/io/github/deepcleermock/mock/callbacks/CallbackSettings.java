package io.github.deepcleermock.mock.callbacks;

import java.time.Duration;
import java.util.Objects;

/**
 * How stream-end callbacks are delivered. The defaults follow the vendor: up to 12 retries after waits of 5, 10,
 * … 60 s (the wait grows by {@code backoff} each time), 2 s to connect, 5 s for the answer.
 *
 * @param retries retries after the first attempt (0..100)
 * @param backoff the first wait, and the amount each following wait grows by
 * @param connectTimeout time allowed to connect to the receiver
 * @param responseTimeout time allowed for the receiver's answer
 * @param logSize how many attempts the callback log keeps
 * @param allowLinkLocal whether callbacks may target link-local addresses (169.254.0.0/16, fe80::/10)
 */
public record CallbackSettings(
    int retries, Duration backoff, Duration connectTimeout, Duration responseTimeout, int logSize,
    boolean allowLinkLocal) {

  public static final CallbackSettings DEFAULT =
      new CallbackSettings(12, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(5), 10_000, false);

  /** Settings that refuse link-local targets (the default). */
  public CallbackSettings(
      int retries, Duration backoff, Duration connectTimeout, Duration responseTimeout, int logSize) {
    this(retries, backoff, connectTimeout, responseTimeout, logSize, false);
  }

  public CallbackSettings {
    if (retries < 0 || retries > 100) {
      throw new IllegalArgumentException("callbackRetries: must be 0..100, was " + retries);
    }
    Objects.requireNonNull(backoff, "backoff");
    if (backoff.isNegative()) {
      throw new IllegalArgumentException("callbackBackoffMs: must not be negative, was " + backoff.toMillis());
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(responseTimeout, "responseTimeout");
    if (connectTimeout.isZero() || connectTimeout.isNegative()) {
      throw new IllegalArgumentException("connectTimeout: must be positive");
    }
    if (responseTimeout.isZero() || responseTimeout.isNegative()) {
      throw new IllegalArgumentException("responseTimeout: must be positive");
    }
    if (logSize < 1) {
      throw new IllegalArgumentException("callbackLogSize: must be at least 1, was " + logSize);
    }
  }

  /** The wait before retry {@code n} (1-based): n × backoff. */
  public Duration waitBeforeRetry(int n) {
    return backoff.multipliedBy(n);
  }

  public CallbackSettings withRetries(int newRetries) {
    return new CallbackSettings(newRetries, backoff, connectTimeout, responseTimeout, logSize, allowLinkLocal);
  }

  public CallbackSettings withBackoff(Duration newBackoff) {
    return new CallbackSettings(retries, newBackoff, connectTimeout, responseTimeout, logSize, allowLinkLocal);
  }

  public CallbackSettings withResponseTimeout(Duration newTimeout) {
    return new CallbackSettings(retries, backoff, connectTimeout, newTimeout, logSize, allowLinkLocal);
  }

  /** These settings with link-local targets allowed or refused. */
  public CallbackSettings withLinkLocalAllowed(boolean allowed) {
    return new CallbackSettings(retries, backoff, connectTimeout, responseTimeout, logSize, allowed);
  }
}
