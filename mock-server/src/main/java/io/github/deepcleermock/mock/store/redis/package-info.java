/**
 * The shared store: several mock instances on one Redis behave as one service (token buckets; accounts, fault rules
 * with their counters, scenarios; streams). Needs Lettuce on the class path (mock-server and its standalone jar have
 * it; mock-server-embedded does not).
 */
package io.github.deepcleermock.mock.store.redis;
