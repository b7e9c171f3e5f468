/**
 * Stream-end callbacks: payload, asynchronous delivery, retries on the vendor's schedule and the attempt log.
 * Thread-safety: HTTP is asynchronous, retries are scheduled on the injected time source, the log is a lock-free
 * ring; reset cancels by generation.
 */
package io.github.deepcleermock.mock.callbacks;
