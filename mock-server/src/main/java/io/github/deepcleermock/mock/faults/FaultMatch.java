package io.github.deepcleermock.mock.faults;

/**
 * Which close requests a fault rule applies to; an absent (null) field matches anything.
 *
 * <p>Name what you match: {@link #ANY}, {@code FaultMatch.byAccessKey("k")}, {@code FaultMatch.byRequestId("r")},
 * or both with {@code FaultMatch.byAccessKey("k").withRequestId("r")}.
 *
 * @param accessKey the request's accessKey, exactly
 * @param requestId the request's requestId, exactly
 */
public record FaultMatch(String accessKey, String requestId) {

  /** Matches every request that reaches the faults step. */
  public static final FaultMatch ANY = new FaultMatch(null, null);

  /** Matches the requests of one access key. */
  public static FaultMatch byAccessKey(String accessKey) {
    return ANY.withAccessKey(accessKey);
  }

  /** Matches the requests for one requestId, whichever key sends them. */
  public static FaultMatch byRequestId(String requestId) {
    return ANY.withRequestId(requestId);
  }

  /** This match narrowed to one access key. */
  public FaultMatch withAccessKey(String accessKey) {
    return new FaultMatch(java.util.Objects.requireNonNull(accessKey, "accessKey"), requestId);
  }

  /** This match narrowed to one requestId. */
  public FaultMatch withRequestId(String requestId) {
    return new FaultMatch(accessKey, java.util.Objects.requireNonNull(requestId, "requestId"));
  }

  /** Whether a request with these fields is matched. */
  public boolean matches(String requestAccessKey, String requestRequestId) {
    return (accessKey == null || accessKey.equals(requestAccessKey))
        && (requestId == null || requestId.equals(requestRequestId));
  }
}
