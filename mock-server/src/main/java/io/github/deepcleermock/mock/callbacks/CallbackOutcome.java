package io.github.deepcleermock.mock.callbacks;

/** How one delivery attempt ended. */
public enum CallbackOutcome {
  /** In flight: waiting for the receiver. */
  PENDING,
  /** The receiver answered HTTP 200. */
  DELIVERED,
  /** Not delivered; another attempt is scheduled. */
  FAILED,
  /** Not delivered, and no attempts are left. */
  GAVE_UP
}
