/**
 * The embedded entry point: {@link io.github.deepcleermock.mock.DeepCleerMock} (builder, lifecycle, typed access to
 * the feature packages), its {@link io.github.deepcleermock.mock.MockConfig} baseline, and
 * {@link io.github.deepcleermock.mock.MockStreams}, the stream rules that span features. Thread-safety: a started
 * mock is safe for concurrent use; configuration is immutable after start.
 *
 * <p>The API a test uses is what {@code DeepCleerMock} hands out ({@code streams()}, {@code accounts()},
 * {@code faults()}, {@code journal()}, {@code callbacks()}, {@code providerStates()}, {@code clock()}), the value
 * types they take ({@code StreamSpec.builder()}, {@code FaultSpec}, {@code FaultMatch}, {@code Journal.Filter},
 * {@code Account}) and the JUnit 5 extension. Other public types are public only because the feature packages wire
 * each other across package lines (the pipeline, the HTTP layer, the admin routes); they may change without notice.
 */
package io.github.deepcleermock.mock;
