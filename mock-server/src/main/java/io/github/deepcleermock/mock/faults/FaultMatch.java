package io.github.deepcleermock.mock.faults;

/**
 * Which close requests a fault rule applies to; an absent (null) field matches anything.
 *
 * @param accessKey the request's accessKey, exactly
 * @param requestId the request's requestId, exactly
 */
public record FaultMatch(String accessKey, String requestId) {

  /** Matches every request that reaches the faults step. */
  public static final FaultMatch ANY = new FaultMatch(null, null);

  /** Whether a request with these fields is matched. */
  public boolean matches(String requestAccessKey, String requestRequestId) {
    return (accessKey == null || accessKey.equals(requestAccessKey))
        && (requestId == null || requestId.equals(requestRequestId));
  }
}
