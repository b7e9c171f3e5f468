package io.github.deepcleermock.mock.store.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One Lua script run asynchronously with EVALSHA (40 hex characters on the wire instead of the script); a Redis that
 * lost its scripts (restarted, flushed) gets the script once more with EVAL, which also loads it.
 */
final class RedisScript {

  private final RedisAsyncCommands<String, String> redis;
  private final String script;
  private final String sha;

  /** Loads the script (at start, so that the first request pays no extra round). */
  RedisScript(StatefulRedisConnection<String, String> connection, String script) {
    this.redis = connection.async();
    this.script = script;
    this.sha = connection.sync().scriptLoad(script);
  }

  /** Runs the script; the stage completes with its integer answer, or fails as Redis or Lettuce failed it. */
  CompletionStage<Long> runAsync(String[] keys, String... args) {
    return redis.<Long>evalsha(sha, ScriptOutputType.INTEGER, keys, args)
        .exceptionallyCompose(failure -> noScript(failure)
            ? redis.<Long>eval(script, ScriptOutputType.INTEGER, keys, args)
            : CompletableFuture.failedStage(failure));
  }

  private static boolean noScript(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return cause instanceof RedisNoScriptException;
  }
}
