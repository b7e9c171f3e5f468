package io.github.deepcleermock.mock.store.redis;

import io.github.deepcleermock.mock.callbacks.AttemptJson;
import io.github.deepcleermock.mock.callbacks.AttemptLog;
import io.github.deepcleermock.mock.callbacks.CallbackAttempt;
import io.github.deepcleermock.mock.store.StoreUnavailableException;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The callback attempts of every instance on one Redis, oldest first, at most the log's size: a sorted set
 * ({@value #ORDER}) gives each attempt its place in the group's order when it is first listed, a hash
 * ({@value #ATTEMPTS}) holds each attempt (fields, outcome and payload, as JSON), replaced when the attempt ends.
 *
 * <p>Attempts are listed and updated from request and client threads without waiting for Redis (as the journal,
 * {@link AsyncWrites}); reading and clearing wait and throw {@link StoreUnavailableException} when Redis does not
 * answer. Each instance numbers its attempts and deliveries after a number Redis gives it at start, so that ids
 * never collide in the shared log.
 */
final class RedisAttemptLog implements AttemptLog {

  /** Attempt ids by their place in the group's order. */
  static final String ORDER = "dcm:callbacks";
  /** Attempt id to the attempt as JSON. */
  static final String ATTEMPTS = "dcm:callbacks:attempts";
  /** The last place given (kept by a clear). */
  static final String SEQ_KEY = "dcm:callbacks:seq";
  /** The last instance number given. */
  static final String INSTANCE_KEY = "dcm:callbacks:instances";
  static final int MAX_UNANSWERED = 1024;

  /*
   * One atomic step: an attempt seen for the first time gets the next place and the oldest beyond the cap are
   * dropped with their data; a known one keeps its place and gets its new state. An attempt that ends after a clear
   * (or after it was trimmed) is listed again, at the end: it did happen after the clear.
   */
  static final String PUT =
      """
      if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
        redis.call('ZADD', KEYS[1], redis.call('INCR', KEYS[3]), ARGV[1])
        local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[3])
        if over > 0 then
          local old = redis.call('ZPOPMIN', KEYS[1], over)
          for i = 1, #old, 2 do redis.call('HDEL', KEYS[2], old[i]) end
        end
      end
      redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
      return 1
      """;

  private final RedisCommands<String, String> redis;
  private final RedisScript put;
  private final String[] keys = {ORDER, ATTEMPTS, SEQ_KEY};
  private final String cap;
  private final long instance;
  private final AtomicLong next = new AtomicLong(1);
  private final AttemptJson json = new AttemptJson();
  private final AsyncWrites writes = new AsyncWrites("callback attempt records", MAX_UNANSWERED);

  RedisAttemptLog(StatefulRedisConnection<String, String> connection, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.redis = connection.sync();
    this.put = new RedisScript(connection, PUT);
    this.cap = Integer.toString(capacity);
    this.instance = redis.incr(INSTANCE_KEY);
  }

  @Override
  public long claim() {
    return next.getAndIncrement();
  }

  @Override
  public void put(long seq, CallbackAttempt attempt) {
    String id = instance + ":" + seq;
    String value = json.write(attempt);
    writes.submit(() -> put.runAsync(keys, id, value, cap));
  }

  @Override
  public List<CallbackAttempt> oldestFirst(Predicate<CallbackAttempt> filter) {
    List<CallbackAttempt> found = new ArrayList<>();
    try {
      List<String> ids = redis.zrange(ORDER, 0, -1);
      if (ids.isEmpty()) {
        return found;
      }
      for (KeyValue<String, String> kept : redis.hmget(ATTEMPTS, ids.toArray(String[]::new))) {
        // Trimmed between the two reads: gone, as if read a moment later.
        if (kept.hasValue()) {
          CallbackAttempt attempt = json.read(kept.getValue());
          if (filter.test(attempt)) {
            found.add(attempt);
          }
        }
      }
    } catch (RedisException e) {
      throw new StoreUnavailableException(e);
    }
    return found;
  }

  /** Empties the group's log (one command: both keys go together). */
  @Override
  public void clear() {
    try {
      redis.del(ORDER, ATTEMPTS);
    } catch (RedisException e) {
      throw new StoreUnavailableException(e);
    }
  }

  /** {@code delivery-<instance>-<n>}: the instance's number from Redis keeps ids of different instances apart. */
  @Override
  public String deliveryId(long n) {
    return "delivery-" + instance + "-" + n;
  }

  @Override
  public long dropped() {
    return writes.dropped();
  }
}
