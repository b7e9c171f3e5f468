package io.github.deepcleermock.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SubmitSpecTest {

  private static OpenApiInteractionValidator validator;

  @BeforeAll
  static void loadValidator() {
    validator = VendorSpec.strictValidator();
  }

  private static MediaType requestMedia() {
    return VendorSpec.openApi().getPaths().get(VendorSpec.SUBMIT_PATH).getPost().getRequestBody().getContent()
        .get("application/json");
  }

  private static MediaType responseMedia() {
    return VendorSpec.openApi().getPaths().get(VendorSpec.SUBMIT_PATH).getPost().getResponses().get("200")
        .getContent().get("application/json");
  }

  static Stream<Arguments> requestExamples() {
    return examples(requestMedia());
  }

  static Stream<Arguments> responseExamples() {
    return examples(responseMedia());
  }

  private static Stream<Arguments> examples(MediaType media) {
    Map<String, Example> examples = media.getExamples();
    assertThat(examples).isNotEmpty();
    return examples.entrySet().stream().map(e -> Arguments.of(e.getKey(), VendorSpec.json(e.getValue().getValue())));
  }

  @ParameterizedTest(name = "submit request example {0}")
  @MethodSource("requestExamples")
  void everySubmitRequestExampleValidates(String name, String json) {
    assertThat(VendorSpec.validateRequest(validator, VendorSpec.SUBMIT_PATH, json).getMessages()).as(json).isEmpty();
  }

  @ParameterizedTest(name = "submit response example {0}")
  @MethodSource("responseExamples")
  void everySubmitResponseExampleValidatesWithAHexIdAndTheDocumentedMessage(String name, String json) {
    JsonNode body = read(json);

    assertThat(VendorSpec.validateResponse(validator, VendorSpec.SUBMIT_PATH, json).getMessages()).as(json).isEmpty();
    assertThat(body.path("requestId").asText()).matches("[0-9a-f]{32}");
    assertThat(body.path("message").asText()).isEqualTo(VendorSpec.DOCUMENTED_MESSAGES.get(body.path("code").asInt()));
  }

  @Test
  void everyDocumentedCodeAndTheDuplicateHaveASubmitResponseExample() {
    List<JsonNode> bodies = responseMedia().getExamples().values().stream()
        .map(e -> (JsonNode) Json.mapper().valueToTree(e.getValue())).toList();

    assertThat(bodies.stream().map(b -> b.path("code").asInt()))
        .containsAll(VendorSpec.DOCUMENTED_MESSAGES.keySet());
    assertThat(bodies).anySatisfy(b -> {
      assertThat(b.path("detail").path("errorCode").asInt()).isEqualTo(1001);
      assertThat(b.path("detail").path("dupRequestId").asText()).matches("[0-9a-f]{32}");
    });
  }

  @Test
  void topLevelFieldsCarryTheVendorsLengthLimits() {
    Map<String, Schema> props = schema("SubmitVideoStreamRequest").getProperties();

    assertThat(schema("SubmitVideoStreamRequest").getRequired())
        .containsExactlyInAnyOrder("accessKey", "appId", "eventId", "imgCallback", "data");
    assertThat(props.get("accessKey").getMaxLength()).isEqualTo(20);
    assertThat(props.get("appId").getMaxLength()).isEqualTo(64);
    assertThat(props.get("eventId").getMaxLength()).isEqualTo(64);
    assertThat(props.get("imgType").getMaxLength()).isEqualTo(64);
    assertThat(props.get("imgBusinessType").getMaxLength()).isEqualTo(128);
    assertThat(props.get("audioType").getMaxLength()).isEqualTo(64);
    assertThat(props.get("audioBusinessType").getMaxLength()).isEqualTo(128);
    assertThat(props.get("imgCallback").getMaxLength()).isEqualTo(1024);
    assertThat(props.get("audioCallback").getMaxLength()).isEqualTo(1024);
    Map<String, Schema> data = schema("SubmitVideoStreamData").getProperties();
    assertThat(data.get("url").getMaxLength()).isEqualTo(600);
    assertThat(data.get("tokenId").getMaxLength()).isEqualTo(64);
    assertThat(data.get("streamType").getEnum()).containsExactly("NORMAL", "AGORA", "TRTC", "ZEGO", "VOLC", "ALI");
  }

  static Stream<Arguments> brokenRequests() {
    return Stream.of(
        Arguments.of("missing appId", (Mutation) r -> r.remove("appId"), "validation.request.body.schema.required"),
        Arguments.of("accessKey of 21", (Mutation) r -> r.put("accessKey", "k".repeat(21)),
            "validation.request.body.schema.maxLength"),
        Arguments.of("unknown streamType", (Mutation) r -> ((ObjectNode) r.get("data")).put("streamType", "RTMP"),
            "validation.request.body.schema.enum"),
        Arguments.of("misspelt imgType token", (Mutation) r -> r.put("imgType", "POLITY_EROTICA"),
            "validation.request.body.schema.pattern"),
        Arguments.of("ftp url", (Mutation) r -> ((ObjectNode) r.get("data")).put("url", "ftp://x/y"),
            "validation.request.body.schema.pattern"),
        Arguments.of("legacy callback instead of imgCallback",
            (Mutation) r -> r.set("callback", r.remove("imgCallback")), "validation.request.body.schema.required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRequests")
  void theSchemaRejectsEachBrokenRuleByName(String name, Mutation mutation, String rule) {
    ObjectNode request = (ObjectNode) Json.mapper().valueToTree(requestMedia().getExamples().get("normalStream")
        .getValue());
    mutation.apply(request);

    ValidationReport report = VendorSpec.validateRequest(validator, VendorSpec.SUBMIT_PATH, request.toString());

    assertThat(report.getMessages().stream().map(ValidationReport.Message::getKey)).contains(rule);
  }

  interface Mutation {
    void apply(ObjectNode request);
  }

  private static Schema<?> schema(String name) {
    return VendorSpec.openApi().getComponents().getSchemas().get(name);
  }

  private static JsonNode read(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
