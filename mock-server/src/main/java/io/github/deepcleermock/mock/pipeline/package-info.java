/**
 * The step machinery both vendor endpoints share: the plain ordered {@link io.github.deepcleermock.mock.pipeline.Pipeline},
 * the shared steps (parse, authorize, rate, faults and magic values), the request and outcome values, answer ids,
 * and the catalogue of result codes. Thread-safety: steps are stateless; a request's {@code Call} is
 * thread-confined; shared state lives in the feature packages (accounts, streams, faults).
 */
package io.github.deepcleermock.mock.pipeline;
