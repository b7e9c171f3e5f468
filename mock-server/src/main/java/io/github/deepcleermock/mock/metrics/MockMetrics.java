package io.github.deepcleermock.mock.metrics;

import io.github.deepcleermock.mock.callbacks.CallbackObserver;
import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.journal.JournalObserver;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.streams.Streams;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The metrics of one mock instance in its own Prometheus registry (several mocks in one JVM never share one):
 * requests by endpoint and code, answer latency, faults fired, callback attempts, streams by state, journal size
 * and the JVM basics Micrometer binds ({@code jvm_*}, {@code process_*}, {@code system_*}).
 */
public final class MockMetrics implements AutoCloseable {

  /** The content type of {@link #scrape()}: Prometheus text format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final RequestCounts requests;
  private final CallbackCounts callbacks;
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public MockMetrics() {
    LatencyHistogram latency = new LatencyHistogram();
    registry.getPrometheusRegistry().register(latency);
    this.requests = new RequestCounts(registry, latency);
    this.callbacks = new CallbackCounts(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Counts what the journal records; give it to the journal at construction. */
  public JournalObserver requests() {
    return requests;
  }

  /** Counts ended callback attempts; give it to the callback dispatcher. */
  public CallbackObserver callbacks() {
    return callbacks;
  }

  /** Adds the gauges read at scrape time: streams by state and the journal's size. */
  public void watch(Journal journal, Streams streams) {
    Gauge.builder("deepcleer.mock.journal.entries", journal, Journal::size)
        .description("Requests the journal holds now")
        .register(registry);
    Gauge.builder("deepcleer.mock.journal.capacity", journal, Journal::capacity)
        .description("Requests the journal can hold (--journal-size)")
        .register(registry);
    for (StreamState state : StreamState.values()) {
      // Counted at scrape time, exact: a list of the streams per state, nothing kept between scrapes.
      Gauge.builder("deepcleer.mock.streams", streams, s -> s.list(stream -> stream.state() == state).size())
          .description("Streams the mock knows, by state")
          .tag("state", state.name())
          .register(registry);
    }
  }

  /** All metrics in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }

}
