package io.github.deepcleermock.mock.store.redis;

import io.github.deepcleermock.mock.accounts.AccountState;
import io.github.deepcleermock.mock.accounts.Operation;
import io.github.deepcleermock.mock.store.TokenBuckets;
import io.github.deepcleermock.mock.store.TokenTake;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.github.deepcleermock.mock.accounts.Account;
import java.util.List;
import java.util.Locale;

/**
 * Token buckets shared by every instance on one Redis: one key per access key, operation and qps, updated by one Lua
 * script (GCRA), so the limit is exact across instances whatever their number.
 */
final class RedisTokenBuckets implements TokenBuckets {

  /*
   * GCRA, the same algorithm as limits.TokenBucket, run atomically inside Redis: the key holds one number, the
   * theoretical arrival time (TAT, in microseconds) of the next request at exactly the key's rate. A request at `now`
   * is granted iff max(TAT, now) + interval stays within capacity × interval (one second) of now; a granted one
   * stores the pushed TAT. One script = one atomic step: no read-modify-write from Java, no retrying CAS storm on a
   * hot key. `now` is Redis's own TIME, read inside the script: every instance judges against the same clock, so
   * skewed or jumping clocks of the instances cannot grant extra tokens (a Java-side time would need synchronized
   * clocks to be exact). The key expires once TAT has passed: a missing key reads as a full bucket, which is what an
   * elapsed TAT means anyway, so idle keys cost no memory. Microseconds since 1970 (~1.8e15) stay exact in Lua's
   * doubles (< 2^53); string.format('%d') keeps every digit when storing. The interval is whole microseconds (the
   * memory bucket's is whole nanoseconds): exact for the usual qps, and a qps above 1 000 000 refills at 1 000 000/s.
   */
  static final String GCRA =
      """
      local qps = tonumber(ARGV[1])
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
      local interval = math.floor(1000000 / qps)
      if interval < 1 then interval = 1 end
      local tolerance = interval * qps
      local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
      if tat < now then tat = now end
      local nxt = tat + interval
      if nxt - now > tolerance then return 0 end
      redis.call('SET', KEYS[1], string.format('%d', nxt), 'PX', math.floor((nxt - now) / 1000) + 1)
      return 1
      """;

  private static final String PREFIX = "dcm:bucket:";

  private final RedisCommands<String, String> redis;
  private final String sha;

  RedisTokenBuckets(RedisCommands<String, String> redis) {
    this.redis = redis;
    // Loaded once at start; EVALSHA then sends 40 hex characters instead of the script.
    this.sha = redis.scriptLoad(GCRA);
  }

  @Override
  public TokenTake take(AccountState account, Operation operation, long nowNanos) {
    // Frozen for the whole group (the account's shared flag, in this instance's up-to-date view): no need to ask Redis.
    if (account.bucket(operation).isFrozen()) {
      return TokenTake.FROZEN;
    }
    int qps = account.account().qps();
    // qps in the key: a new qps gets a new, full bucket, as in memory.
    String key = key(operation, qps, account.account().accessKey());
    try {
      return granted(key, qps) ? TokenTake.GRANTED : TokenTake.EMPTY;
    } catch (RedisException e) {
      // Unreachable, timed out or refused: the script either ran whole or not at all, nothing half-written.
      return TokenTake.UNAVAILABLE;
    }
  }

  /** The bucket of {@code operation} for {@code accessKey} at {@code qps}. */
  static String key(Operation operation, int qps, String accessKey) {
    return PREFIX + operation.name().toLowerCase(Locale.ROOT) + ':' + qps + ':' + accessKey;
  }

  /** Both buckets of {@code account}: a put or a reset deletes them, so the key starts full, as in memory. */
  static List<String> keys(Account account) {
    return List.of(
        key(Operation.SUBMIT, account.qps(), account.accessKey()),
        key(Operation.FINISH, account.qps(), account.accessKey()));
  }

  private boolean granted(String key, int qps) {
    String[] keys = {key};
    String arg = Integer.toString(qps);
    Long answer;
    try {
      answer = redis.evalsha(sha, ScriptOutputType.INTEGER, keys, arg);
    } catch (RedisNoScriptException e) {
      // First use on this Redis, or it restarted or flushed its scripts: load once more and retry.
      redis.scriptLoad(GCRA);
      answer = redis.evalsha(sha, ScriptOutputType.INTEGER, keys, arg);
    }
    return answer != null && answer == 1L;
  }
}
