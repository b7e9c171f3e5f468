/**
 * Callbacks: the stream-end payload, asynchronous delivery of every callback (results and ends) with bounded
 * in-flight attempts, retries on the vendor's schedule and the attempt log.
 * Thread-safety: HTTP is asynchronous on a small fixed executor, retries are scheduled on the injected time source,
 * the log is a lock-free ring; reset cancels by generation.
 */
package io.github.deepcleermock.mock.callbacks;
