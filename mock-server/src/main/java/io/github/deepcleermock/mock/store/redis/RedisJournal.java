package io.github.deepcleermock.mock.store.redis;

import io.github.deepcleermock.mock.journal.Journal;
import io.github.deepcleermock.mock.journal.JournalEntry;
import io.github.deepcleermock.mock.journal.JournalFields;
import io.github.deepcleermock.mock.journal.JournalObserver;
import io.github.deepcleermock.mock.store.StoreUnavailableException;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The journal of every instance on one Redis: one Redis stream ({@value #KEY}) capped at the journal's size, so that
 * any instance lists the whole group's requests, newest first, in the order Redis took them.
 *
 * <p>Writing never holds a request thread: each entry is one script (number it, append it, trim the stream) sent
 * without waiting for the answer, at most {@link #MAX_UNANSWERED} at a time ({@link AsyncWrites}); an entry beyond
 * that or one Redis cannot take is dropped and counted ({@link #dropped()}). Reading and clearing wait for Redis
 * (at most the store's command timeout) and throw {@link StoreUnavailableException} when it does not answer.
 */
final class RedisJournal implements Journal {

  /** The stream of entries. */
  static final String KEY = "dcm:journal";
  /** The last sequence number given; kept by a clear, so numbers keep rising across resets as in memory. */
  static final String SEQ_KEY = "dcm:journal:seq";
  /** Journal writes of one instance waiting for Redis at most; beyond, entries are dropped (and counted). */
  static final int MAX_UNANSWERED = 1024;
  /** Entries read per round trip when listing. */
  static final int PAGE = 500;

  /*
   * One atomic step: the number and the entry go in together, so the stream's order and the numbers agree, and the
   * stream never holds more than ARGV[1] entries (exact MAXLEN, not '~': the cap is the user's --journal-size).
   */
  static final String APPEND =
      """
      local seq = redis.call('INCR', KEYS[2])
      redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[1], '*', 'seq', seq, unpack(ARGV, 2))
      return seq
      """;

  private final RedisCommands<String, String> redis;
  private final RedisScript append;
  private final String[] keys = {KEY, SEQ_KEY};
  private final int capacity;
  private final String cap;
  private final JournalObserver observer;
  private final AsyncWrites writes = new AsyncWrites("journal entries", MAX_UNANSWERED);

  RedisJournal(StatefulRedisConnection<String, String> connection, int capacity, JournalObserver observer) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.redis = connection.sync();
    this.append = new RedisScript(connection, APPEND);
    this.capacity = capacity;
    this.cap = Integer.toString(capacity);
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /** Not used: Redis numbers each entry when it appends it. */
  @Override
  public long claim() {
    return 0;
  }

  @Override
  public void record(JournalEntry entry) {
    List<String> fields = JournalFields.of(entry);
    String[] args = new String[fields.size() + 1];
    args[0] = cap;
    for (int i = 0; i < fields.size(); i++) {
      args[i + 1] = fields.get(i);
    }
    writes.submit(() -> append.runAsync(keys, args));
    observer.recorded(entry);
  }

  @Override
  public List<JournalEntry> find(Filter filter, int limit) {
    List<JournalEntry> found = new ArrayList<>();
    try {
      Range<String> range = Range.unbounded();
      int scanned = 0;
      while (found.size() < limit && scanned < capacity) {
        List<StreamMessage<String, String>> page = redis.xrevrange(KEY, range, Limit.from(PAGE));
        for (StreamMessage<String, String> message : page) {
          JournalEntry entry = JournalFields.entry(message.getBody());
          if (filter.test(entry) && found.size() < limit) {
            found.add(entry);
          }
        }
        scanned += page.size();
        if (page.size() < PAGE) {
          break;
        }
        // The next page ends just before the oldest entry of this one.
        range = Range.from(Range.Boundary.unbounded(), Range.Boundary.excluding(page.get(page.size() - 1).getId()));
      }
    } catch (RedisException e) {
      throw new StoreUnavailableException(e);
    }
    return found;
  }

  @Override
  public List<JournalEntry> all() {
    return find(Filter.ALL, Integer.MAX_VALUE);
  }

  /** Empties the group's journal; the numbers keep rising. */
  @Override
  public void clear() {
    try {
      redis.del(KEY);
    } catch (RedisException e) {
      throw new StoreUnavailableException(e);
    }
  }

  @Override
  public int capacity() {
    return capacity;
  }

  /** The group's entries now, or -1 when Redis does not answer (a metrics scrape must not fail for it). */
  @Override
  public int size() {
    try {
      return (int) Math.min(capacity, redis.xlen(KEY));
    } catch (RedisException e) {
      return -1;
    }
  }

  @Override
  public long dropped() {
    return writes.dropped();
  }
}
