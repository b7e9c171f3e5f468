/**
 * Load generators that wrk cannot replace: {@link io.github.deepcleermock.benchmarks.load.PacedClosingClient}
 * offers requests at a fixed rate (wrk only saturates), which the limiter accuracy check needs.
 *
 * <p>One pacing thread issues requests; answers are tallied by {@code java.net.http}'s executor threads into
 * concurrent counters, read only after every answer has arrived.
 */
package io.github.deepcleermock.benchmarks.load;
