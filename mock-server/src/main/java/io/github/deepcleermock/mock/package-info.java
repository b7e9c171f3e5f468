/**
 * The embedded entry point: {@link io.github.deepcleermock.mock.DeepCleerMock} (builder, lifecycle, typed access to
 * the feature packages), its {@link io.github.deepcleermock.mock.MockConfig} baseline, and
 * {@link io.github.deepcleermock.mock.MockStreams}, the stream rules that span features. Thread-safety: a started
 * mock is safe for concurrent use; configuration is immutable after start.
 */
package io.github.deepcleermock.mock;
