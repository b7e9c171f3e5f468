package io.github.deepcleermock.mock.close;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.deepcleermock.mock.pipeline.VendorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Values the mock mirrors from the vendor spec (lengths, codes, messages) equal the spec as api-spec ships it. */
class SpecAgreementTest {

  private static final String SPEC = "deepcleer/videostream/v4/openapi.yaml";
  private static JsonNode spec;

  @BeforeAll
  static void readSpec() throws IOException {
    try (InputStream in = SpecAgreementTest.class.getClassLoader().getResourceAsStream(SPEC)) {
      assertThat(in).as("classpath resource %s from the api-spec test dependency", SPEC).isNotNull();
      spec = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @Test
  void fieldNamesAndMaximumLengthsEqualTheSpec() {
    JsonNode request = spec.at("/components/schemas/FinishVideoStreamRequest");
    JsonNode properties = request.get("properties");

    assertThat(properties.fieldNames()).toIterable()
        .containsExactlyInAnyOrder(CloseFields.ACCESS_KEY, CloseFields.REQUEST_ID);
    assertThat(request.get("required")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(CloseFields.ACCESS_KEY, CloseFields.REQUEST_ID);
    assertThat(properties.at("/accessKey/maxLength").isInt()).isTrue();
    assertThat(properties.at("/accessKey/maxLength").asInt()).isEqualTo(CloseFields.ACCESS_KEY_MAX_LENGTH);
    assertThat(properties.at("/requestId/maxLength").asInt()).isEqualTo(CloseFields.REQUEST_ID_MAX_LENGTH);
    assertThat(properties.at("/accessKey/minLength").asInt()).as("empty is invalid").isEqualTo(1);
    assertThat(properties.at("/requestId/minLength").asInt()).isEqualTo(1);
  }

  @Test
  void catalogueHoldsExactlyTheSpecsKnownCodes() {
    JsonNode known = spec.at("/components/schemas/ResultCode/x-known-values");

    assertThat(known.isArray()).isTrue();
    assertThat(known).extracting(JsonNode::asInt)
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(VendorCode.values()).map(VendorCode::code).toList());
  }

  @Test
  void catalogueMessagesEqualTheResponseExamples() {
    JsonNode examples = spec.at("/paths/~1finish_videostream~1v4/post/responses/200/content/application~1json/examples");
    Map<Integer, String> documented = new HashMap<>();
    examples.forEach(example -> documented.put(
        example.at("/value/code").asInt(), example.at("/value/message").asText()));

    assertThat(documented).isEqualTo(catalogue());
  }

  @Test
  void catalogueMessagesEqualTheResultCodeTable() {
    String description = spec.at("/components/schemas/ResultCode/description").asText();
    Matcher row = Pattern.compile("^\\| (\\d{4}) \\| ([^|]+?) \\|", Pattern.MULTILINE).matcher(description);
    Map<Integer, String> table = new LinkedHashMap<>();
    while (row.find()) {
      table.put(Integer.parseInt(row.group(1)), row.group(2));
    }

    assertThat(table).isEqualTo(catalogue());
  }

  @Test
  void catalogueMessagesAppearInTheMessageFieldDescription() {
    String description = spec.at("/components/schemas/FinishVideoStreamResponse/properties/message/description").asText();

    for (VendorCode code : VendorCode.values()) {
      assertThat(description.replaceAll("\\s+", " ")).contains("\"" + code.message() + "\" (" + code.code() + ")");
    }
  }

  @Test
  void catalogueFindsEveryCodeAndNothingElse() {
    for (VendorCode code : VendorCode.values()) {
      assertThat(VendorCode.find(code.code())).isSameAs(code);
      assertThat(VendorCode.messageFor(code.code())).isEqualTo(code.message());
    }
    assertThat(VendorCode.find(9100)).isNull();
    assertThat(VendorCode.messageFor(1909)).isEqualTo(VendorCode.UNDOCUMENTED_MESSAGE);
  }

  private static Map<Integer, String> catalogue() {
    return Arrays.stream(VendorCode.values()).collect(Collectors.toMap(VendorCode::code, VendorCode::message));
  }
}
