package io.github.deepcleermock.mock.callbacks;

import java.util.List;
import java.util.function.Predicate;

/**
 * What a test reads about the callbacks a mock sent: every attempt, how many are in flight, and one of them when it
 * has been answered. To wait until none is in flight, use {@code DeepCleerMock.awaitCallbacksIdle(Duration)}. With a
 * shared store the attempts listed are the whole group's (in flight counts this instance's), and reading them throws
 * {@link io.github.deepcleermock.mock.store.StoreUnavailableException} while the store does not answer.
 */
public interface CallbackLog {

  /** Every attempt kept in the log, oldest first. */
  List<CallbackAttempt> attempts();

  /** Attempts matching {@code filter}, oldest first. */
  List<CallbackAttempt> attempts(Predicate<CallbackAttempt> filter);

  /** Attempts currently waiting for a receiver (or for a free delivery slot). */
  int inFlight();

  /**
   * Waits, without sleeping, until the {@code n}-th callback (1-based, in the order they were sent) about stream
   * {@code requestId} has had its first attempt answered (delivered or not), and returns that attempt. With a
   * {@code MockClock}, advance the clock first: the wait only covers the HTTP exchange. Looks in the bounded log,
   * so ask before more than its size of attempts were made.
   *
   * @throws IllegalStateException when {@code timeout} passes first (the message says how many were sent)
   */
  CallbackAttempt awaitCallback(String requestId, int n, java.time.Duration timeout);
}
