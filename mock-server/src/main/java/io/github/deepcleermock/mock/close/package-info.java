/**
 * The close endpoint's own steps (read and validate its two fields, the flag-only stream limit, close the stream)
 * assembled with the shared {@code pipeline} steps: parse → validate → authorize → rate → faults → stream limit →
 * close. Thread-safety: steps are stateless; a request's context is thread-confined.
 */
package io.github.deepcleermock.mock.close;
