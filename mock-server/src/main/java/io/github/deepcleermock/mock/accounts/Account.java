package io.github.deepcleermock.mock.accounts;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A registered access key and its settings, as configured (the baseline) or upserted through the admin API.
 *
 * @param accessKey the key clients put in the body (1..20 characters, as the vendor allows)
 * @param qps requests per second the key may send; also the token bucket's capacity
 * @param maxStreams how many ACTIVE streams the key may have (a submit past it answers 1904)
 * @param permissions operations the key may perform; submitting needs {@value #SUBMIT}, closing {@value #FINISH}
 * @param streamLimitReached when set, every submit and close by the key that gets past the faults answers 1904
 */
public record Account(
    String accessKey, int qps, int maxStreams, Set<String> permissions, boolean streamLimitReached) {

  public static final String FINISH = "finish";
  public static final String SUBMIT = "submit";
  /** What a key may do unless configured otherwise. */
  public static final Set<String> DEFAULT_PERMISSIONS = Set.of(SUBMIT, FINISH);
  public static final int DEFAULT_QPS = 50;
  public static final int DEFAULT_MAX_STREAMS = 100;
  public static final String DEFAULT_ACCESS_KEY = "YOUR_ACCESS_KEY";

  public Account {
    Objects.requireNonNull(accessKey, "accessKey");
    int length = accessKey.codePointCount(0, accessKey.length());
    if (length < 1 || length > 20) {
      throw new IllegalArgumentException(
          "accessKey: must be 1..20 characters, was " + length + " characters");
    }
    if (qps < 1) {
      throw new IllegalArgumentException("qps: must be at least 1, was " + qps);
    }
    if (maxStreams < 0) {
      throw new IllegalArgumentException("maxStreams: must not be negative, was " + maxStreams);
    }
    Objects.requireNonNull(permissions, "permissions");
    permissions = Set.copyOf(permissions);
  }

  /** An account with the defaults: qps 50, maxStreams 100, permissions {@code submit} and {@code finish}. */
  public static Account of(String accessKey) {
    return new Account(accessKey, DEFAULT_QPS, DEFAULT_MAX_STREAMS, DEFAULT_PERMISSIONS, false);
  }

  /** Whether the key may close streams. */
  public boolean mayFinish() {
    return permissions.contains(FINISH);
  }

  public Account withQps(int newQps) {
    return new Account(accessKey, newQps, maxStreams, permissions, streamLimitReached);
  }

  public Account withMaxStreams(int newMaxStreams) {
    return new Account(accessKey, qps, newMaxStreams, permissions, streamLimitReached);
  }

  public Account withPermissions(Set<String> newPermissions) {
    return new Account(accessKey, qps, maxStreams, newPermissions, streamLimitReached);
  }

  public Account withStreamLimitReached(boolean reached) {
    return new Account(accessKey, qps, maxStreams, permissions, reached);
  }

  /** Permissions in a stable order, for JSON. */
  public List<String> sortedPermissions() {
    return permissions.stream().sorted().toList();
  }
}
