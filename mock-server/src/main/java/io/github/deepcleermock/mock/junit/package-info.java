/**
 * JUnit 5 integration: {@link io.github.deepcleermock.mock.junit.DeepCleerMockExtension} and the
 * {@link io.github.deepcleermock.mock.junit.DeepCleerMockTest} annotation. junit-jupiter-api is an optional
 * dependency; only users of this package need it. Thread-safety: one extension instance per registration; its
 * mock reference is volatile.
 */
package io.github.deepcleermock.mock.junit;
