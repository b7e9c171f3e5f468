/**
 * Callbacks: the stream-end payload, asynchronous delivery of every callback (results and ends) with bounded
 * in-flight attempts, retries on the vendor's schedule, the attempt log, and the targets a callback may not reach
 * (the mock's own admin API, link-local addresses). Thread-safety: HTTP is asynchronous on at most four client
 * threads, retries are scheduled on the injected time source, the log ({@link
 * io.github.deepcleermock.mock.callbacks.AttemptLog}) is the store's: a lock-free ring in memory, or shared and
 * written without waiting; reset cancels by generation.
 */
package io.github.deepcleermock.mock.callbacks;
