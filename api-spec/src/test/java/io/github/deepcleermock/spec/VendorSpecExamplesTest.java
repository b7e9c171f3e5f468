package io.github.deepcleermock.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VendorSpecExamplesTest {

  private static OpenApiInteractionValidator validator;

  @BeforeAll
  static void loadValidator() {
    validator = VendorSpec.strictValidator();
  }

  static Stream<Arguments> requestExamples() {
    return examplesOf(VendorSpec.openApi().getPaths().get(VendorSpec.CLOSE_PATH).getPost().getRequestBody()
        .getContent().get("application/json"));
  }

  static Stream<Arguments> responseExamples() {
    return examplesOf(responseMediaType());
  }

  private static MediaType responseMediaType() {
    return VendorSpec.openApi().getPaths().get(VendorSpec.CLOSE_PATH).getPost().getResponses().get("200")
        .getContent().get("application/json");
  }

  private static Stream<Arguments> examplesOf(MediaType mediaType) {
    Map<String, Example> examples = mediaType.getExamples();
    assertThat(examples).as("named examples").isNotEmpty();
    return examples.entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), VendorSpec.json(e.getValue().getValue())));
  }

  private static Map<Integer, JsonNode> responseExamplesByCode() {
    Map<Integer, JsonNode> byCode = new LinkedHashMap<>();
    responseMediaType().getExamples().values().forEach(example -> {
      JsonNode body = Json.mapper().valueToTree(example.getValue());
      byCode.put(body.path("code").asInt(), body);
    });
    return byCode;
  }

  @ParameterizedTest(name = "request example {0}")
  @MethodSource("requestExamples")
  void everyRequestExampleValidatesAgainstTheRequestSchema(String name, String json) {
    ValidationReport report = VendorSpec.validateRequest(validator, json);

    assertThat(report.getMessages()).as("validation of request example %s: %s", name, json).isEmpty();
  }

  @ParameterizedTest(name = "response example {0}")
  @MethodSource("responseExamples")
  void everyResponseExampleValidatesAgainstTheResponseSchema(String name, String json) {
    ValidationReport report = VendorSpec.validateResponse(validator, json);

    assertThat(report.getMessages()).as("validation of response example %s: %s", name, json).isEmpty();
  }

  @ParameterizedTest(name = "response example {0}")
  @MethodSource("responseExamples")
  void everyResponseExampleHasA32LowercaseHexRequestIdAndTheDocumentedMessageForItsCode(String name, String json) {
    JsonNode parsed = readTree(json);

    assertThat(parsed.path("requestId").asText()).as("requestId of %s", name).matches("[0-9a-f]{32}");
    int code = parsed.path("code").asInt();
    assertThat(VendorSpec.DOCUMENTED_MESSAGES).as("example %s uses a documented code", name).containsKey(code);
    assertThat(parsed.path("message").asText()).isEqualTo(VendorSpec.DOCUMENTED_MESSAGES.get(code));
  }

  static Stream<Arguments> documentedCodes() {
    return VendorSpec.DOCUMENTED_MESSAGES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("documentedCodes")
  void everyDocumentedCodeHasAResponseExampleWithTheVendorsExactMessage(int code, String message) {
    JsonNode example = responseExamplesByCode().get(code);

    assertThat(example).as("a response example with code %d", code).isNotNull();
    assertThat(example.path("message").asText()).isEqualTo(message);
  }

  @Test
  void schemaLevelExamplesComposeAValidRequestAndAValidResponse() {
    Map<String, Schema> schemas = VendorSpec.openApi().getComponents().getSchemas();

    String request = VendorSpec.json(propertyExamples(schemas.get("FinishVideoStreamRequest"), schemas));
    String response = VendorSpec.json(propertyExamples(schemas.get("FinishVideoStreamResponse"), schemas));

    assertThat(VendorSpec.validateRequest(validator, request).getMessages()).as(request).isEmpty();
    assertThat(VendorSpec.validateResponse(validator, response).getMessages()).as(response).isEmpty();
  }

  @Test
  void aResponseWithAnUndocumentedCodeStillValidatesBecauseTheCodeListIsOpen() {
    String json = "{\"requestId\":\"a78eef377079acc6cdec24967ecde722\",\"code\":1999,\"message\":\"Something new\"}";

    assertThat(VendorSpec.validateResponse(validator, json).getMessages()).isEmpty();
  }

  @Test
  void validatorRejectsExamplesThatBreakTheSchema() {
    // Proves the example checks above have teeth: the same validator flags each kind of mistake.
    String tooLongKey = "{\"accessKey\":\"" + "k".repeat(21) + "\",\"requestId\":\"1639824316368\"}";
    String missingCode = "{\"requestId\":\"a78eef377079acc6cdec24967ecde722\",\"message\":\"Success\"}";
    String codeAsText = "{\"requestId\":\"a78eef377079acc6cdec24967ecde722\",\"code\":\"1100\",\"message\":\"Success\"}";
    String strayField = "{\"requestId\":\"a78eef377079acc6cdec24967ecde722\",\"code\":1100,\"message\":\"Success\","
        + "\"detail\":{}}";

    assertThat(keys(VendorSpec.validateRequest(validator, tooLongKey)))
        .contains("validation.request.body.schema.maxLength");
    assertThat(keys(VendorSpec.validateResponse(validator, missingCode)))
        .contains("validation.response.body.schema.required");
    assertThat(keys(VendorSpec.validateResponse(validator, codeAsText)))
        .contains("validation.response.body.schema.type");
    assertThat(keys(VendorSpec.validateResponse(validator, strayField)))
        .contains("validation.response.body.schema.additionalProperties");
  }

  private static List<String> keys(ValidationReport report) {
    return report.getMessages().stream().map(ValidationReport.Message::getKey).toList();
  }

  private static Map<String, Object> propertyExamples(Schema<?> schema, Map<String, Schema> schemas) {
    Map<String, Object> values = new LinkedHashMap<>();
    schema.getProperties().forEach((name, property) -> {
      Schema<?> resolved = property.get$ref() == null
          ? property
          : schemas.get(property.get$ref().substring("#/components/schemas/".length()));
      assertThat(resolved.getExample()).as("example of property %s", name).isNotNull();
      values.put(name, resolved.getExample());
    });
    return values;
  }

  private static JsonNode readTree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
