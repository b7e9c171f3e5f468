package io.github.deepcleermock.mock.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The submit limits and vocabularies the mock enforces equal the spec as api-spec ships it. */
class SubmitSpecAgreementTest {

  private static JsonNode request;
  private static JsonNode data;

  @BeforeAll
  static void readSpec() throws IOException {
    try (InputStream in = SubmitSpecAgreementTest.class.getClassLoader()
        .getResourceAsStream("deepcleer/videostream/v4/openapi.yaml")) {
      JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(in);
      request = spec.at("/components/schemas/SubmitVideoStreamRequest/properties");
      data = spec.at("/components/schemas/SubmitVideoStreamData/properties");
    }
  }

  @Test
  void maximumLengthsEqualTheSpec() {
    assertThat(request.at("/accessKey/maxLength").asInt()).isEqualTo(SubmitFields.ACCESS_KEY_MAX_LENGTH);
    assertThat(request.at("/appId/maxLength").asInt()).isEqualTo(SubmitFields.APP_ID_MAX_LENGTH);
    assertThat(request.at("/eventId/maxLength").asInt()).isEqualTo(SubmitFields.EVENT_ID_MAX_LENGTH);
    assertThat(request.at("/imgType/maxLength").asInt()).isEqualTo(SubmitFields.IMG_TYPE_MAX_LENGTH);
    assertThat(request.at("/imgBusinessType/maxLength").asInt()).isEqualTo(SubmitFields.IMG_BUSINESS_TYPE_MAX_LENGTH);
    assertThat(request.at("/audioType/maxLength").asInt()).isEqualTo(SubmitFields.AUDIO_TYPE_MAX_LENGTH);
    assertThat(request.at("/audioBusinessType/maxLength").asInt())
        .isEqualTo(SubmitFields.AUDIO_BUSINESS_TYPE_MAX_LENGTH);
    assertThat(request.at("/imgCallback/maxLength").asInt()).isEqualTo(SubmitFields.CALLBACK_MAX_LENGTH);
    assertThat(request.at("/audioCallback/maxLength").asInt()).isEqualTo(SubmitFields.CALLBACK_MAX_LENGTH);
    assertThat(data.at("/url/maxLength").asInt()).isEqualTo(SubmitFields.URL_MAX_LENGTH);
    assertThat(data.at("/tokenId/maxLength").asInt()).isEqualTo(SubmitFields.TOKEN_ID_MAX_LENGTH);
    assertThat(data.at("/room/maxLength").asInt()).isEqualTo(SubmitFields.ROOM_MAX_LENGTH);
    assertThat(data.at("/detectFrequency/maximum").asInt()).isEqualTo(SubmitFields.MAX_DETECT_FREQUENCY);
    assertThat(data.at("/audioDetectStep/maximum").asInt()).isEqualTo(SubmitFields.MAX_AUDIO_DETECT_STEP);
  }

  @Test
  void typeTokensEqualTheSpecsPatterns() {
    assertThat(tokensOf(request.at("/imgType/pattern").asText())).isEqualTo(SubmitFields.IMG_TYPES);
    assertThat(tokensOf(request.at("/audioType/pattern").asText())).isEqualTo(SubmitFields.AUDIO_TYPES);
    assertThat(tokensOf(request.at("/audioBusinessType/pattern").asText()))
        .isEqualTo(SubmitFields.AUDIO_BUSINESS_TYPES);
  }

  @Test
  void streamTypesEqualTheSpecsEnum() {
    assertThat(data.at("/streamType/enum")).extracting(JsonNode::asText).containsExactlyElementsOf(SubmitFields.STREAM_TYPES);
  }

  /** The alternatives of the pattern's first group: {@code ^(A|B)(_(A|B))*$} gives A, B. */
  private static List<String> tokensOf(String pattern) {
    String group = pattern.substring(pattern.indexOf('(') + 1, pattern.indexOf(')'));
    return Arrays.asList(group.split("\\|"));
  }
}
