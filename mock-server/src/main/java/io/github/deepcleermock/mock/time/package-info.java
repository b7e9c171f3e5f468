/**
 * Time for the mock: a monotonic ticker, a wall clock for timestamps, and a scheduler, behind one interface so that
 * {@link io.github.deepcleermock.mock.time.MockClock} can drive limits, delays and retries deterministically.
 * Thread-safety: both implementations are safe for concurrent use.
 */
package io.github.deepcleermock.mock.time;
