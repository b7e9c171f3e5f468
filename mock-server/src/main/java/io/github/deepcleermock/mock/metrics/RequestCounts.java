package io.github.deepcleermock.mock.metrics;

import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.journal.JournalObserver;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every journaled vendor request by endpoint and code, the latency of each, and the fault rules that fired.
 *
 * <p>Counting where the journal records means every vendor endpoint is counted by the same code, including ones
 * added later. The endpoint label is the request's path; requests that reached no endpoint (unknown paths, wrong
 * methods) are all counted as {@code unmatched}, so that a client probing paths cannot create unbounded series.
 */
final class RequestCounts implements JournalObserver {

  static final String UNMATCHED = "unmatched";
  /** Label value of {@code code} when no vendor answer was sent (a transport fault, or no endpoint). */
  static final String NO_CODE = "none";

  private final MeterRegistry registry;
  private final LatencyHistogram latency;
  private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();

  RequestCounts(MeterRegistry registry, LatencyHistogram latency) {
    this.registry = registry;
    this.latency = latency;
  }

  @Override
  public void recorded(JournalEntry entry) {
    Integer code = entry.code();
    boolean unmatched = code == null && entry.faultId() == null;
    String endpoint = unmatched ? UNMATCHED : entry.path();
    Key key = new Key(endpoint, code == null ? Integer.MIN_VALUE : code);
    LongAdder count = requests.get(key);
    if (count == null) {
      count = requests.computeIfAbsent(key, this::register);
    }
    count.increment();
    latency.record(endpoint, entry.latencyNanos());
    if (entry.faultId() != null) {
      LongAdder fired = faults.get(endpoint);
      if (fired == null) {
        fired = faults.computeIfAbsent(endpoint, this::registerFault);
      }
      fired.increment();
    }
  }

  private LongAdder register(Key key) {
    LongAdder adder = new LongAdder();
    FunctionCounter.builder("deepcleer.mock.requests", adder, LongAdder::sum)
        .description("Vendor requests answered, by endpoint (path) and answered code")
        .tag("endpoint", key.endpoint())
        .tag("code", key.code() == Integer.MIN_VALUE ? NO_CODE : Integer.toString(key.code()))
        .register(registry);
    return adder;
  }

  private LongAdder registerFault(String endpoint) {
    LongAdder adder = new LongAdder();
    FunctionCounter.builder("deepcleer.mock.faults.fired", adder, LongAdder::sum)
        .description("Vendor requests a fault rule acted on (a forced code, a delay or a transport fault)")
        .tag("endpoint", endpoint)
        .register(registry);
    return adder;
  }

  private record Key(String endpoint, int code) {}
}
