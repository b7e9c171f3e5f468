package io.github.deepcleermock.mock.faults;

/** Ways the mock can break the HTTP exchange itself, so clients can test their error handling. */
public enum TransportFault {
  /** The connection is reset (TCP RST) before any response byte. */
  CONNECTION_RESET,
  /** The connection is closed without any response. */
  EMPTY_RESPONSE,
  /** HTTP 200 with a body that is not valid JSON. */
  MALFORMED_JSON,
  /** HTTP 502 from what looks like a gateway in front of the service. */
  HTTP_502
}
