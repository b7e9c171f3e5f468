/**
 * Prometheus metrics of one mock instance ({@code GET /__admin/metrics}), through Micrometer's Prometheus registry.
 * Thread-safety: the hot path only increments {@code LongAdder}s (found through a concurrent map); everything
 * else (streams by state, journal size, JVM figures) is read when Prometheus scrapes.
 */
package io.github.deepcleermock.mock.metrics;
