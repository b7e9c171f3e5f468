package io.github.deepcleermock.mock.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * benchmarks/load-redis.sh measures Redis's ceiling with redis-benchmark, which needs the Lua text itself; its copies
 * must stay the scripts the mock runs, or the ceiling would be measured for another script.
 */
class LoadScriptCopiesTest {

  private static String copyIn(String script, String name) {
    Matcher copy = Pattern.compile(name + "=\\$\\(cat <<'LUA'\\n(.*?)\\nLUA\\n\\)", Pattern.DOTALL).matcher(script);
    assertThat(copy.find()).as("%s=$(cat <<'LUA' ... LUA) in load-redis.sh", name).isTrue();
    return copy.group(1);
  }

  @Test
  void theLoadScriptBenchmarksTheBucketAndJournalScriptsTheMockRuns() throws Exception {
    String script = Files.readString(Path.of("..", "benchmarks", "load-redis.sh"));

    assertThat(copyIn(script, "GCRA")).isEqualTo(RedisTokenBuckets.GCRA.strip());
    assertThat(copyIn(script, "APPEND")).isEqualTo(RedisJournal.APPEND.strip());
  }
}
