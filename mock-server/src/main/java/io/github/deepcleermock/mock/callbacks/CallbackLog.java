package io.github.deepcleermock.mock.callbacks;

import java.util.List;
import java.util.function.Predicate;

/**
 * What a test reads about the callbacks a mock sent: every attempt, and how many are in flight. To wait for them,
 * use {@code DeepCleerMock.awaitCallbacksIdle(Duration)}, the one way to do it.
 */
public interface CallbackLog {

  /** Every attempt kept in the log, oldest first. */
  List<CallbackAttempt> attempts();

  /** Attempts matching {@code filter}, oldest first. */
  List<CallbackAttempt> attempts(Predicate<CallbackAttempt> filter);

  /** Attempts currently waiting for a receiver. */
  int inFlight();
}
