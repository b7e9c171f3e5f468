package io.github.deepcleermock.mock.metrics;

import io.github.deepcleermock.mock.callbacks.CallbackObserver;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.journal.JournalObserver;
import io.github.deepcleermock.mock.streams.StreamStore;

/**
 * The metrics of one mock instance (several mocks in one JVM never share them): requests by endpoint and code,
 * answer latency, faults fired, callback attempts, streams by state, journal size, and the JVM basics Micrometer
 * binds ({@code jvm_*}, {@code process_*}, {@code system_*}).
 *
 * <p>Counting starts with the mock, in plain adders; Micrometer's Prometheus registry is made on the first scrape
 * and reads them from then on. A mock that is never scraped pays neither Micrometer's start-up nor its memory. JVM
 * figures that accumulate (GC pauses) therefore count from the first scrape.
 */
public final class MockMetrics implements AutoCloseable {

  /** The content type of {@link #scrape()}: Prometheus text format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final LatencyHistogram latency = new LatencyHistogram();
  private final RequestCounts requests = new RequestCounts(latency);
  private final CallbackCounts callbacks = new CallbackCounts();
  private volatile Journal journal;
  private volatile StreamStore streams;
  /** Guarded by {@code this}; null until the first scrape and after close. */
  private PrometheusExposition exposition;
  private boolean closed;

  /** Counts what the journal records; give it to the journal at construction. */
  public JournalObserver requests() {
    return requests;
  }

  /** Counts ended callback attempts; give it to the callback dispatcher. */
  public CallbackObserver callbacks() {
    return callbacks;
  }

  /** The journal and streams whose size and states are reported as gauges. */
  public void watch(Journal journal, StreamStore streams) {
    this.journal = journal;
    this.streams = streams;
  }

  /** All metrics in the Prometheus text format. */
  public synchronized String scrape() {
    if (closed) {
      throw new IllegalStateException("metrics of a closed mock");
    }
    if (exposition == null) {
      exposition = new PrometheusExposition(requests, callbacks, latency, journal, streams);
    }
    return exposition.scrape();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (exposition != null) {
      exposition.close();
      exposition = null;
    }
  }
}
