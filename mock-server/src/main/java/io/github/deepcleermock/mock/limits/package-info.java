/**
 * Rate limits: the per-access-key {@link io.github.deepcleermock.mock.limits.TokenBucket} behind code 1901.
 * Thread-safety: lock-free; each bucket is one atomic, and buckets of different keys share nothing.
 */
package io.github.deepcleermock.mock.limits;
