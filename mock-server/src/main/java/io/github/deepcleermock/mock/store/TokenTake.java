package io.github.deepcleermock.mock.store;

/** What one attempt to take a token from a key's bucket found. */
public enum TokenTake {
  /** A token was taken: the request may go on. */
  GRANTED,
  /** The bucket holds no token now (1901). */
  EMPTY,
  /** The bucket is frozen empty by the provider state "QPS limit is exhausted" (1901). */
  FROZEN,
  /** The store could not be asked (Redis unreachable or too slow): nothing was decided (1903). */
  UNAVAILABLE
}
