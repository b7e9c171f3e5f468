package io.github.deepcleermock.mock.streams;

/** Whether the vendor would still be moderating a stream. */
public enum StreamState {
  ACTIVE,
  CLOSED
}
