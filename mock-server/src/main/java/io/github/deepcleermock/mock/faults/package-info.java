/**
 * Injected faults: admin/provider-state rules (code, delay, transport fault, times, probability) and magic
 * requestIds. Thread-safety: rules live in a copy-on-write list; firing counts are compare-and-set.
 */
package io.github.deepcleermock.mock.faults;
