/**
 * What the service does with a running stream: a pure {@link io.github.deepcleermock.mock.simulation.Timeline}
 * of frames, audio segments, pull retries and ends from the stream's settings and script, played out by
 * {@link io.github.deepcleermock.mock.simulation.Simulation} on the injected clock, with result and end callbacks
 * handed to the callbacks feature; scripts come from scenario rules, URL words or the admin API.
 * Thread-safety: one scheduler for all streams, one pending event per stream, each stream's state under its run's
 * monitor; scenario rules in a copy-on-write list.
 */
package io.github.deepcleermock.mock.simulation;
