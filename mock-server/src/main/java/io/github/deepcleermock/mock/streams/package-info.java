/**
 * Stream tasks: what was submitted, the ACTIVE → CLOSED (close call) or ACTIVE → ENDED (the service) transition
 * made exactly once, each key's count of ACTIVE streams and the retention of stopped ones. Thread-safety: the
 * index and counts are concurrent maps and atomics read and moved lock-free by the vendor paths; admin-side
 * writers hold the {@link io.github.deepcleermock.mock.streams.Streams} monitor; a stream's state flips by
 * compare-and-set; a reset swaps in a new generation.
 */
package io.github.deepcleermock.mock.streams;
