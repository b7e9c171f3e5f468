package io.github.deepcleermock.mock.callbacks;

/**
 * Told of every callback attempt that has ended (delivered, failed or given up), on the thread that completed it.
 * Must be cheap and must not throw.
 */
@FunctionalInterface
public interface CallbackObserver {

  /** Observes nothing. */
  CallbackObserver NONE = attempt -> {};

  /** Called once per attempt when its outcome is known (never for {@code PENDING}). */
  void attemptEnded(CallbackAttempt attempt);
}
