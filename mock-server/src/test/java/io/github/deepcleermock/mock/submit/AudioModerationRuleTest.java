package io.github.deepcleermock.mock.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioModerationRuleTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'{\"audioType\":\"NONE\"}', false",
    "'{\"audioType\":\"NONE_NONE\"}', false",
    "'{\"audioType\":\"\"}', false",
    "'{}', false",
    "'{\"audioType\":\"POLITY\"}', true",
    "'{\"audioType\":\"NONE_POLITY\"}', true",
    "'{\"audioType\":\"NON\"}', true",
    "'{\"audioType\":\"NONEX\"}', true",
    "'{\"audioType\":\"NONE_\"}', false",
    "'{\"audioType\":\"NONE\",\"audioBusinessType\":\"SING\"}', true",
  })
  void audioIsModeratedForAnyTypeButNoneOrAnyBusinessType(String body, boolean moderated) throws Exception {
    assertThat(ValidateSubmit.moderatesAudio(JSON.readTree(body))).isEqualTo(moderated);
  }
}
