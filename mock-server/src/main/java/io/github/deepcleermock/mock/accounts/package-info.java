/**
 * Access keys: {@link io.github.deepcleermock.mock.accounts.Account} settings and their run-time state (token
 * bucket, {@code streamLimitReached} flag). Thread-safety: a concurrent map; per-key updates are serialized by it.
 */
package io.github.deepcleermock.mock.accounts;
