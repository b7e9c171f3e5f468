package io.github.deepcleermock.mock.metrics;

import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.streams.StreamStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Micrometer side: a Prometheus registry that reads the mock's adders and gauges and Micrometer's JVM binders.
 * Made on the first scrape (see {@link MockMetrics}), so that a mock nobody scrapes never loads Micrometer.
 */
final class PrometheusExposition implements AutoCloseable {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final RequestCounts requests;
  private final CallbackCounts callbacks;

  PrometheusExposition(
      RequestCounts requests, CallbackCounts callbacks, LatencyHistogram latency, Journal journal, StreamStore streams) {
    this.requests = requests;
    this.callbacks = callbacks;
    registry.getPrometheusRegistry().register(latency);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    if (journal != null) {
      Gauge.builder("deepcleer.mock.journal.entries", journal, Journal::size)
          .description("Requests the journal holds now")
          .register(registry);
      Gauge.builder("deepcleer.mock.journal.capacity", journal, Journal::capacity)
          .description("Requests the journal can hold (--journal-size)")
          .register(registry);
      FunctionCounter.builder("deepcleer.mock.journal.dropped", journal, Journal::dropped)
          .description("Entries this instance could not write to a shared journal (Redis down or too slow)")
          .register(registry);
    }
    if (streams != null) {
      for (StreamState state : StreamState.values()) {
        // Counted at scrape time, exact: a list of the streams per state, nothing kept between scrapes.
        Gauge.builder("deepcleer.mock.streams", streams, s -> s.list(stream -> stream.state() == state).size())
            .description("Streams the mock knows, by state")
            .tag("state", state.name())
            .register(registry);
      }
    }
  }

  /** All metrics in the Prometheus text format; series that appeared since the last scrape are added first. */
  String scrape() {
    // Registering an existing meter again returns it: cheap for the handful of series a mock has.
    requests.requests().forEach((key, adder) ->
        FunctionCounter.builder("deepcleer.mock.requests", adder, LongAdder::sum)
            .description("Vendor requests answered, by endpoint (path) and answered code")
            .tag("endpoint", key.endpoint())
            .tag("code", key.codeLabel())
            .register(registry));
    requests.faults().forEach((endpoint, adder) ->
        FunctionCounter.builder("deepcleer.mock.faults.fired", adder, LongAdder::sum)
            .description("Vendor requests a fault rule acted on (a forced code, a delay or a transport fault)")
            .tag("endpoint", endpoint)
            .register(registry));
    callbacks.counts().forEach((key, adder) ->
        FunctionCounter.builder("deepcleer.mock.callback.attempts", adder, LongAdder::sum)
            .description("Callback attempts that ended, by kind (end, frame, audio) and outcome")
            .tag("kind", key.kind())
            .tag("outcome", key.outcome())
            .register(registry));
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
