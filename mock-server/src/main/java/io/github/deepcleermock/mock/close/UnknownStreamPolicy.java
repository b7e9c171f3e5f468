package io.github.deepcleermock.mock.close;

/**
 * How the mock answers a close for an id it does not know; the vendor does not document it for video streams, so
 * the user chooses. Either way the journal marks the request.
 */
public enum UnknownStreamPolicy {
  /** 1100, as if the stream had been closed: the lenient reading, and the default. */
  ACCEPT,
  /** 1902, as if the id were an invalid parameter. */
  REJECT
}
