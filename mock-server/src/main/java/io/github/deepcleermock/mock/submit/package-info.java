/**
 * The submit endpoint's own steps: validate the body, find a running duplicate, count the key's streams, open the
 * stream; the shared steps come from {@code pipeline}. Thread-safety: steps are stateless; a request's context is
 * thread-confined; streams are opened lock-free by {@link io.github.deepcleermock.mock.streams.Streams#submit}.
 */
package io.github.deepcleermock.mock.submit;
