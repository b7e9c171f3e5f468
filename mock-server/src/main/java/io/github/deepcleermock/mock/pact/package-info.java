/**
 * The mock as a Pact message provider for its callbacks: a small vocabulary of message descriptions and provider
 * states, and a sandbox that produces each message by running the real simulation on its own fake clock.
 */
package io.github.deepcleermock.mock.pact;
