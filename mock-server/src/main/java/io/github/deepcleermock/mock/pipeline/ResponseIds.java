package io.github.deepcleermock.mock.pipeline;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh ids for answers: 128 random bits as 32 lowercase hex characters, like the vendor's.
 *
 * <p>{@link ThreadLocalRandom}, not a shared {@code SecureRandom}: these ids need to be unique, not secret, and a
 * shared generator would be a lock every request takes.
 */
public final class ResponseIds {

  private ResponseIds() {}

  /** A new id. */
  public static ResponseId nextId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new ResponseId(random.nextLong(), random.nextLong());
  }

  /** A new id as its 32 hex characters. */
  public static String next() {
    return nextId().hex();
  }
}
