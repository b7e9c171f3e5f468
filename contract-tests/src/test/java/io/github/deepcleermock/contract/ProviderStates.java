package io.github.deepcleermock.contract;

/**
 * The provider-state vocabulary of the mock (DESIGN.md "Provider states"), shared by consumer tests and verification.
 *
 * <p>Constants, not an enum, because {@code @State} annotations need compile-time strings.
 */
public final class ProviderStates {

  /** Params: {@code accessKey}. The key is registered and may close streams. */
  public static final String ACCESS_KEY_AUTHORIZED = "access key is authorized";

  /** Params: {@code accessKey}. The key is unknown or lacks the {@code finish} permission. */
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

  private ProviderStates() {}
}
