package io.github.deepcleermock.mock.streams;

/** Whether the vendor would still be moderating a stream, and if not, who stopped it. */
public enum StreamState {
  /** Being moderated: counts against the account's maxStreams. */
  ACTIVE,
  /** Stopped by a close call (or seeded closed). */
  CLOSED,
  /** Stopped by the service: natural end, pull failure, or an admin end. */
  ENDED
}
