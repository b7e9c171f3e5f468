package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Logged values cannot forge log lines, and short keys are not shown at all. */
class LogMasksTest {

  @Test
  void newlineInARequestIdIsEscapedSoItCannotForgeALine() {
    String forged = "r1\n2026-01-01 INFO close accessKey=admin***";

    String logged = LogMasks.value(forged);

    assertThat(logged).doesNotContain("\n").isEqualTo("r1\\u000a2026-01-01 INFO close accessKey=admin***");
  }

  @Test
  void everyControlCharacterIsEscaped() {
    assertThat(LogMasks.value("a\rb\tc\u001b[31md\u0085e\u2028f\\g"))
        .isEqualTo("a\\u000db\\u0009c\\u001b[31md\\u0085e\\u2028f\\\\g");
    assertThat(LogMasks.value("plain-id_123")).isEqualTo("plain-id_123");
    assertThat(LogMasks.value(null)).isEqualTo("-");
  }

  @Test
  void keysOfFourCharactersOrFewerAreMaskedWhole() {
    assertThat(LogMasks.accessKey("abcd")).isEqualTo("***");
    assertThat(LogMasks.accessKey("ab")).isEqualTo("***");
    assertThat(LogMasks.accessKey("😀😀😀😀")).isEqualTo("***");
    assertThat(LogMasks.accessKey("abcde")).isEqualTo("abcd***");
    assertThat(LogMasks.accessKey("YOUR_ACCESS_KEY")).isEqualTo("YOUR***");
  }

  @Test
  void aShownKeyPrefixIsEscapedToo() {
    assertThat(LogMasks.accessKey("a\nbcdef")).isEqualTo("a\\u000abc***");
  }
}
