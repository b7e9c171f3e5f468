package io.github.deepcleermock.mock.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The answer latency histogram, one series per endpoint, as fixed buckets of {@link LongAdder}s.
 *
 * <p>Why not a Micrometer {@code Timer}: its Prometheus histogram rotates time windows and tracks a decaying max on
 * every record, a CAS on shared state by every server thread; here a record is one bucket scan over 14 longs and
 * two adder increments, and the cumulative sums are built only when Prometheus scrapes.
 */
final class LatencyHistogram implements Collector {

  static final String NAME = "deepcleer_mock_answer_latency_seconds";
  /** Upper bounds in seconds: the mock decides in microseconds, faults and slow machines take milliseconds. */
  private static final double[] BOUNDS = {
    0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
    Double.POSITIVE_INFINITY
  };
  private static final long[] BOUND_NANOS = new long[BOUNDS.length - 1];

  static {
    for (int i = 0; i < BOUND_NANOS.length; i++) {
      BOUND_NANOS[i] = Math.round(BOUNDS[i] * 1e9);
    }
  }

  private final Map<String, Series> byEndpoint = new ConcurrentHashMap<>();

  void record(String endpoint, long nanos) {
    Series series = byEndpoint.get(endpoint);
    if (series == null) {
      series = byEndpoint.computeIfAbsent(endpoint, e -> new Series());
    }
    series.record(nanos);
  }

  @Override
  public MetricSnapshot collect() {
    List<HistogramDataPointSnapshot> points = new ArrayList<>();
    byEndpoint.forEach((endpoint, series) -> points.add(series.snapshot(endpoint)));
    return new HistogramSnapshot(
        new MetricMetadata(
            NAME,
            "Time from a vendor request's arrival to the mock's decision (injected delays not included)",
            Unit.SECONDS),
        points);
  }

  @Override
  public String getPrometheusName() {
    return NAME;
  }

  /** One endpoint's buckets (not cumulative; cumulated at scrape). */
  private static final class Series {
    private final LongAdder[] buckets = new LongAdder[BOUNDS.length];
    private final LongAdder sumNanos = new LongAdder();

    Series() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void record(long nanos) {
      int i = 0;
      while (i < BOUND_NANOS.length && nanos > BOUND_NANOS[i]) {
        i++;
      }
      buckets[i].increment();
      sumNanos.add(nanos);
    }

    HistogramDataPointSnapshot snapshot(String endpoint) {
      long[] counts = new long[buckets.length];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = buckets[i].sum();
      }
      return new HistogramDataPointSnapshot(
          ClassicHistogramBuckets.of(BOUNDS, counts),
          sumNanos.sum() / 1e9,
          Labels.of("endpoint", endpoint),
          Exemplars.EMPTY,
          0L);
    }
  }
}
