package io.github.deepcleermock.mock.store.redis;

import io.github.deepcleermock.mock.store.StoreUnavailableException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * One Lua script run with EVALSHA (loaded once; loaded again after Redis restarted or flushed its scripts); any
 * failure to run it is {@link StoreUnavailableException}: the script ran whole or not at all.
 */
final class LuaScript {

  private final RedisCommands<String, String> redis;
  private final String source;
  private final String sha;

  LuaScript(RedisCommands<String, String> redis, String source) {
    this.redis = redis;
    this.source = source;
    this.sha = redis.scriptLoad(source);
  }

  /** Runs the script; {@code type} says how to read its answer. */
  <T> T run(ScriptOutputType type, String[] keys, String... args) {
    try {
      try {
        return redis.evalsha(sha, type, keys, args);
      } catch (RedisNoScriptException e) {
        redis.scriptLoad(source);
        return redis.evalsha(sha, type, keys, args);
      }
    } catch (RedisException e) {
      throw new StoreUnavailableException(e);
    }
  }
}
