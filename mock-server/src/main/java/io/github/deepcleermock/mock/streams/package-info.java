/**
 * Stream tasks: what was submitted, and the ACTIVE → CLOSED transition that closing makes exactly once.
 * Thread-safety: the index is a concurrent map read lock-free by the close path; admin-side writers hold the
 * {@link io.github.deepcleermock.mock.streams.Streams} monitor; a stream's state flips by compare-and-set.
 */
package io.github.deepcleermock.mock.streams;
