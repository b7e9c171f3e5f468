package io.github.deepcleermock.mock.store;

/**
 * The shared store could not be asked (Redis unreachable or too slow): nothing was changed. Vendor endpoints answer
 * 1903 {@code store unavailable}, admin calls 503.
 */
public final class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(Throwable cause) {
    super("store: unavailable (" + cause.getMessage() + ")", cause);
  }
}
