package io.github.deepcleermock.contract;

/**
 * The provider-state vocabulary of the mock (DESIGN.md "Provider states"), shared by consumer tests and verification.
 *
 * <p>Constants, not an enum, because {@code @State} annotations need compile-time strings.
 */
public final class ProviderStates {

  /** Params: {@code accessKey}. The key is registered and may submit and close streams. */
  public static final String ACCESS_KEY_AUTHORIZED = "access key is authorized";

  /** Params: {@code accessKey}. The key lacks the {@code submit} and {@code finish} permissions. */
  public static final String ACCESS_KEY_NOT_AUTHORIZED = "access key is not authorized";

  /** Params: {@code accessKey, requestId, dupRequestId?, imgCallback?, returnFinishInfo?}. */
  public static final String STREAM_ACTIVE = "stream is active";

  /** Params: {@code accessKey, requestId}. */
  public static final String STREAM_CLOSED = "stream is closed";

  /** Params: {@code accessKey}. The key's token bucket stays empty until teardown. */
  public static final String QPS_LIMIT_EXHAUSTED = "QPS limit is exhausted";

  /** Params: {@code accessKey}. */
  public static final String STREAM_COUNT_LIMIT_REACHED = "stream count limit is reached";

  /** Params: {@code accessKey?}. */
  public static final String SERVICE_FAILING = "service is failing";

  /** Params: {@code accessKey}. ACTIVE streams fill the key's maxStreams: a real count, not the flag. */
  public static final String STREAM_LIMIT_REACHED_BY_COUNT = "access key has reached its stream limit";

  /** Params: {@code accessKey, url, requestId?}. A NORMAL stream of this url runs, so a submit of it duplicates. */
  public static final String STREAM_WITH_URL_ACTIVE = "stream with url is active";

  private ProviderStates() {}
}
