package io.github.deepcleermock.mock.callbacks;

import java.util.List;
import java.util.function.Predicate;

/**
 * Where the dispatcher keeps its attempts: a bounded log, oldest first, in which an attempt is listed when it starts
 * and updated in place when it ends; in this process's memory ({@link MemoryAttemptLog}) or shared by a group of
 * instances (the Redis store's).
 *
 * <p>{@link #claim()} and {@link #put(long, CallbackAttempt)} run on request and client threads: an implementation
 * must neither block nor throw there.
 */
public interface AttemptLog {

  /** Claims the log position of an attempt being made (listed in this order). */
  long claim();

  /** Lists {@code attempt} at position {@code seq} from {@link #claim()}; a later put of the same seq replaces it. */
  void put(long seq, CallbackAttempt attempt);

  /** Attempts matching {@code filter}, oldest first. */
  List<CallbackAttempt> oldestFirst(Predicate<CallbackAttempt> filter);

  /** Empties the log. */
  void clear();

  /** The id of this instance's {@code n}-th delivery ({@code delivery-<n>}); unique in the log it writes. */
  default String deliveryId(long n) {
    return "delivery-" + n;
  }

  /** Attempt records this instance could not write (a shared log whose store was unreachable); 0 in memory. */
  default long dropped() {
    return 0;
  }
}
