/**
 * The close pipeline: parse → validate → authorize → rate → faults → stream limit → close, one small step each,
 * and the catalogue of result codes. Thread-safety: steps are stateless; a request's context is thread-confined;
 * shared state lives in the feature packages (accounts, streams, faults).
 */
package io.github.deepcleermock.mock.close;
