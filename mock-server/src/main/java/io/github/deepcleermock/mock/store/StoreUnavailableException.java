package io.github.deepcleermock.mock.store;

/**
 * The shared store could not be asked (unreachable or too slow): nothing was read or changed. The admin API answers
 * 503 with this message; Java callers may retry once the store is back.
 */
public final class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** @param what what could not be done, e.g. "the journal could not be read" */
  public StoreUnavailableException(String what, Throwable cause) {
    super("store: unavailable, " + what + " (" + cause.getMessage() + ")", cause);
  }
}
