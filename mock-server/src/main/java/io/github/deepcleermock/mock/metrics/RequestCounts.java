package io.github.deepcleermock.mock.metrics;

import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.journal.JournalObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every journaled vendor request by endpoint and code, the latency of each, and the fault rules that fired.
 *
 * <p>Counting where the journal records means every vendor endpoint is counted by the same code, including ones
 * added later. The endpoint label is the request's path; requests that reached no endpoint (unknown paths, wrong
 * methods) are all counted as {@code unmatched}, so that a client probing paths cannot create unbounded series.
 * Plain {@link LongAdder}s: Micrometer only reads them when Prometheus scrapes.
 */
final class RequestCounts implements JournalObserver {

  static final String UNMATCHED = "unmatched";
  /** Label value for endpoints beyond {@link #MAX_ENDPOINTS}: a safety net, the mock has a handful. */
  static final String OTHER = "other";
  static final int MAX_ENDPOINTS = 32;
  /**
   * How the transport journals a vendor-looking path that is no endpoint (answered 1902 in the vendor's format):
   * such requests count as {@code unmatched} too, or {@code /videostream/<anything>} would make a series each.
   */
  static final String NO_ENDPOINT_REASON = "path: no such endpoint";
  /** Label value of {@code code} when no vendor answer was sent (a transport fault, or no endpoint). */
  static final String NO_CODE = "none";

  /** One series of {@code deepcleer_mock_requests_total}. */
  record Key(String endpoint, int code) {
    String codeLabel() {
      return code == Integer.MIN_VALUE ? NO_CODE : Integer.toString(code);
    }
  }

  private final LatencyHistogram latency;
  private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
  /** Endpoint labels seen so far (bounded by {@link #MAX_ENDPOINTS}). */
  private final Map<String, String> endpoints = new ConcurrentHashMap<>();

  RequestCounts(LatencyHistogram latency) {
    this.latency = latency;
  }

  @Override
  public void recorded(JournalEntry entry) {
    Integer code = entry.code();
    String reason = entry.reason();
    boolean unmatched = (code == null && entry.faultId() == null)
        || (reason != null && reason.startsWith(NO_ENDPOINT_REASON));
    String endpoint = unmatched ? UNMATCHED : label(entry.path());
    Key key = new Key(endpoint, code == null ? Integer.MIN_VALUE : code);
    LongAdder count = requests.get(key);
    if (count == null) {
      count = requests.computeIfAbsent(key, k -> new LongAdder());
    }
    count.increment();
    latency.record(endpoint, entry.latencyNanos());
    if (entry.faultId() != null) {
      LongAdder fired = faults.get(endpoint);
      if (fired == null) {
        fired = faults.computeIfAbsent(endpoint, e -> new LongAdder());
      }
      fired.increment();
    }
  }

  private String label(String path) {
    String known = endpoints.get(path);
    if (known != null) {
      return known;
    }
    if (endpoints.size() >= MAX_ENDPOINTS) {
      return OTHER;
    }
    return endpoints.computeIfAbsent(path, p -> p);
  }

  /** Requests by series (live adders). */
  Map<Key, LongAdder> requests() {
    return requests;
  }

  /** Fired faults by endpoint (live adders). */
  Map<String, LongAdder> faults() {
    return faults;
  }
}
