/**
 * Load-test peers of the mock: servers that answer the close endpoint with the mock's fixed 1100 bytes and do
 * nothing else, so that {@code load.sh} can measure the mock against the cost of the HTTP stack alone.
 *
 * <p>Each server owns no mutable state beyond Jetty's: the answer is an immutable byte array shared by all threads.
 */
package io.github.deepcleermock.benchmarks.peers;
