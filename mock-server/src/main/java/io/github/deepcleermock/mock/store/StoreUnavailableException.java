package io.github.deepcleermock.mock.store;

/**
 * The shared store could not be asked (unreachable, too slow, or refusing): nothing was decided and nothing
 * written. Vendor endpoints answer 1903 {@code store unavailable}; admin calls 503.
 */
public final class StoreUnavailableException extends RuntimeException {

  /** Wraps the client's failure. */
  public StoreUnavailableException(Throwable cause) {
    super("store: unavailable (" + cause.getMessage() + ")", cause);
  }
}
