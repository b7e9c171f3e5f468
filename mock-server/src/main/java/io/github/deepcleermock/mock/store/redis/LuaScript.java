package io.github.deepcleermock.mock.store.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.github.deepcleermock.mock.store.StoreUnavailableException;

/** One Lua script run with EVALSHA (loaded again when Redis lost it); a failure to ask Redis changes nothing. */
final class LuaScript {

  private final RedisCommands<String, String> redis;
  private final String text;
  private final String sha;

  LuaScript(RedisCommands<String, String> redis, String text) {
    this.redis = redis;
    this.text = text;
    this.sha = redis.scriptLoad(text);
  }

  /**
   * Runs the script atomically.
   *
   * @throws StoreUnavailableException when Redis cannot be asked (the script ran whole or not at all)
   */
  <T> T run(ScriptOutputType type, String[] keys, String... args) {
    try {
      try {
        return redis.evalsha(sha, type, keys, args);
      } catch (RedisNoScriptException e) {
        // A restarted or flushed Redis forgot the script: load it once more and retry.
        redis.scriptLoad(text);
        return redis.evalsha(sha, type, keys, args);
      }
    } catch (RedisException e) {
      throw new StoreUnavailableException(e);
    }
  }
}
