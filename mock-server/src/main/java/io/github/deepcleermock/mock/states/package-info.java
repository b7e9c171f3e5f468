/**
 * Pact provider states: the state-change vocabulary of DESIGN.md mapped onto accounts, streams and faults.
 * Thread-safety: stateless itself; relies on the thread-safe registries it changes.
 */
package io.github.deepcleermock.mock.states;
