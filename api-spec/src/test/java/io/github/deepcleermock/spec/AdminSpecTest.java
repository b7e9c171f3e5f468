package io.github.deepcleermock.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AdminSpecTest {

  private static OpenApiInteractionValidator validator;
  private static OpenAPI resolved;

  @BeforeAll
  static void load() {
    validator = AdminSpec.strictValidator();
    resolved = AdminSpec.resolvedOpenApi();
  }

  @Test
  void theAdminSpecLoadsFromTheClasspathAndParsesWithoutErrorsOrWarnings() {
    SwaggerParseResult result = AdminSpec.parse();

    assertThat(result.getMessages()).as("parser messages").isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
  }

  @Test
  void everyEndpointOfTheDesignTableIsDescribedAndNoOther() {
    Set<String> described = AdminSpec.operations(resolved).stream()
        .map(AdminSpec.AdminOperation::key)
        .collect(Collectors.toSet());

    assertThat(described).containsExactlyInAnyOrderElementsOf(AdminSpec.DESIGN_ENDPOINTS);
  }

  @Test
  void theProviderStateNamesAreExactlyTheDesignVocabulary() {
    OpenAPI api = AdminSpec.parse().getOpenAPI();
    Schema<?> names = api.getComponents().getSchemas().get("ProviderStateName");

    List<Object> listed = List.copyOf(names.getEnum());
    assertThat(listed).as("ProviderStateName enum").containsExactlyElementsOf(AdminSpec.DESIGN_PROVIDER_STATES);
    // The body and the query form must both name their state through that one enum.
    Schema<?> body = api.getComponents().getSchemas().get("ProviderStateChange");
    assertThat(body.getRequired()).contains("state");
    assertThat(((Schema<?>) body.getProperties().get("state")).get$ref())
        .isEqualTo("#/components/schemas/ProviderStateName");
    Parameter queryState = api.getPaths().get("/__admin/provider-states").getPost().getParameters().stream()
        .filter(p -> "state".equals(p.getName()) && "query".equals(p.getIn()))
        .findFirst().orElseThrow();
    assertThat(queryState.getSchema().get$ref()).isEqualTo("#/components/schemas/ProviderStateName");
  }

  @Test
  void theUnknownStateExampleListsTheDesignVocabularyInOrder() {
    JsonNode example = Json.mapper().valueToTree(resolved.getPaths().get("/__admin/provider-states").getPost()
        .getResponses().get("400").getContent().get(AdminSpec.JSON).getExamples().get("unknownState").getValue());

    List<String> known = new ArrayList<>();
    example.get("knownStates").forEach(n -> known.add(n.asText()));
    assertThat(known).containsExactlyElementsOf(AdminSpec.DESIGN_PROVIDER_STATES);
  }

  static Stream<AdminSpec.AdminExample> namedExamples() {
    return AdminSpec.examplesStream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namedExamples")
  void everyNamedExampleValidatesAgainstItsSchema(AdminSpec.AdminExample example) {
    ValidationReport report = AdminSpec.validate(validator, example);

    assertThat(report.getMessages()).as("validation of %s: %s", example, example.json()).isEmpty();
  }

  @Test
  void everyRequestBodyAndEveryResponseBodyHasANamedExample() {
    List<String> missing = new ArrayList<>();
    Set<String> withExamples = AdminSpec.examples(resolved).stream()
        .map(e -> e.operationId() + " " + (e.isRequest() ? "request" : e.status()))
        .collect(Collectors.toSet());
    for (AdminSpec.AdminOperation op : AdminSpec.operations(resolved)) {
      String id = op.operation().getOperationId();
      if (op.operation().getRequestBody() != null && !withExamples.contains(id + " request")) {
        missing.add(id + " request");
      }
      op.operation().getResponses().forEach((status, response) -> {
        // JSON examples are collected (and validated) above; a text body (PEM, YAML, HTML, metrics) needs one too.
        boolean textExample = response.getContent() != null && response.getContent().entrySet().stream()
            .anyMatch(media -> !media.getKey().equals(AdminSpec.JSON) && media.getValue().getExamples() != null
                && !media.getValue().getExamples().isEmpty());
        if (response.getContent() != null && !withExamples.contains(id + " " + status) && !textExample) {
          missing.add(id + " " + status);
        }
      });
    }

    assertThat(missing).as("bodies without a named example").isEmpty();
  }

  @Test
  void theValidatorRejectsASeedWithoutItsAccessKey() {
    ObjectNode seed = exampleBody("seedStream", null, "minimal");
    seed.remove("accessKey");

    assertThat(keysOf(validateLike("seedStream", null, seed))).contains("validation.request.body.schema.required");
  }

  @Test
  void theValidatorRejectsAnUnknownFieldInAStrictRequestBody() {
    ObjectNode account = exampleBody("putAccount", null, "tightLimits");
    account.put("maxStream", 3);

    assertThat(keysOf(validateLike("putAccount", null, account)))
        .contains("validation.request.body.schema.additionalProperties");
  }

  @Test
  void theValidatorRejectsAFaultRuleThatDoesNothing() {
    ObjectNode rule = exampleBody("createFault", null, "failOnce");
    rule.remove("code");

    assertThat(validateLike("createFault", null, rule).hasErrors()).isTrue();
  }

  @Test
  void theValidatorRejectsATimestampWithoutMilliseconds() {
    ObjectNode stream = exampleBody("seedStream", 201, "minimal");
    stream.put("openedAt", "2026-11-24T22:57:24Z");

    assertThat(keysOf(validateLike("seedStream", 201, stream))).contains("validation.response.body.schema.pattern");
  }

  @Test
  void theValidatorRejectsAnErrorWithoutItsFieldPrefix() {
    ObjectNode error = exampleBody("getAccount", 404, "unknownAccount");
    error.put("error", "no such account");

    assertThat(keysOf(validateLike("getAccount", 404, error))).contains("validation.response.body.schema.pattern");
  }

  @Test
  void theValidatorRejectsAnUnknownProviderState() {
    ObjectNode change = exampleBody("changeProviderState", null, "streamClosed");
    change.put("state", "a stream is running");

    assertThat(keysOf(validateLike("changeProviderState", null, change)))
        .contains("validation.request.body.schema.enum");
  }

  @Test
  void theReturnFinishInfoParamIsZeroOrOneAsANumberOrAString() {
    ObjectNode change = exampleBody("changeProviderState", null, "streamActive");
    ObjectNode params = (ObjectNode) change.get("params");

    params.put("returnFinishInfo", "1");
    assertThat(validateLike("changeProviderState", null, change).hasErrors()).as("\"1\"").isFalse();
    params.put("returnFinishInfo", 0);
    assertThat(validateLike("changeProviderState", null, change).hasErrors()).as("0").isFalse();
    params.put("returnFinishInfo", 2);
    assertThat(validateLike("changeProviderState", null, change).hasErrors()).as("2").isTrue();
    params.put("returnFinishInfo", "yes");
    assertThat(validateLike("changeProviderState", null, change).hasErrors()).as("\"yes\"").isTrue();
  }

  @Test
  void theQueryFormOfAProviderStateChangeIsValid() {
    ValidationReport report = validator.validateRequest(SimpleRequest.Builder.post("/__admin/provider-states")
        .withQueryParam("state", "stream is active")
        .withQueryParam("action", "teardown")
        .withQueryParam("accessKey", "YOUR_ACCESS_KEY")
        .withQueryParam("requestId", "r1")
        .build());

    assertThat(report.hasErrors()).as("query form: %s", report.getMessages()).isFalse();
  }

  @Test
  void theQueryFormRejectsAnUnknownAction() {
    ValidationReport report = validator.validateRequest(SimpleRequest.Builder.post("/__admin/provider-states")
        .withQueryParam("state", "stream is active")
        .withQueryParam("action", "undo")
        .build());

    assertThat(report.hasErrors()).as("query form with action=undo").isTrue();
  }

  @Test
  void onlyHealthTheCaCertificateTheSpecsAndTheDashboardPageAreExemptFromTheOptionalAdminToken() {
    OpenAPI api = AdminSpec.parse().getOpenAPI();
    SecurityRequirement token = new SecurityRequirement().addList("adminToken");

    assertThat(api.getSecurity()).as("global security: the token, or nothing when the mock has none")
        .containsExactly(token, new SecurityRequirement());
    assertThat(api.getComponents().getSecuritySchemes().get("adminToken").getScheme()).isEqualTo("bearer");
    for (AdminSpec.AdminOperation op : AdminSpec.operations(api)) {
      if (AdminSpec.PUBLIC_ENDPOINTS.contains(op.key())) {
        assertThat(op.operation().getSecurity()).as("%s security", op.key()).isEmpty();
        assertThat(op.operation().getResponses()).doesNotContainKey("401");
      } else {
        assertThat(op.operation().getSecurity()).as("%s security (global)", op.key()).isNull();
        assertThat(op.operation().getResponses().get("401")).as("%s 401", op.key()).isNotNull();
        assertThat(op.operation().getResponses().get("401").get$ref())
            .isEqualTo("#/components/responses/Unauthorized");
      }
    }
  }

  @Test
  void everyOperationHasAUniqueIdATagASummaryAndADescription() {
    List<String> ids = new ArrayList<>();
    Set<String> tags = resolved.getTags().stream().map(t -> t.getName()).collect(Collectors.toSet());
    for (AdminSpec.AdminOperation op : AdminSpec.operations(resolved)) {
      assertThat(op.operation().getOperationId()).as("%s operationId", op.key()).isNotBlank();
      assertThat(op.operation().getSummary()).as("%s summary", op.key()).isNotBlank();
      assertThat(op.operation().getDescription()).as("%s description", op.key()).isNotBlank();
      assertThat(op.operation().getTags()).as("%s tags", op.key()).hasSize(1).allMatch(tags::contains);
      ids.add(op.operation().getOperationId());
    }

    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void everyErrorResponseHasTheErrorShape() {
    for (AdminSpec.AdminOperation op : AdminSpec.operations(resolved)) {
      op.operation().getResponses().forEach((status, response) -> {
        if (status.startsWith("4")) {
          Schema<?> schema = response.getContent().get(AdminSpec.JSON).getSchema();
          assertThat(schema.getRequired()).as("%s %s required", op.key(), status).contains("error");
          assertThat(((Schema<?>) schema.getProperties().get("error")).getType()).isEqualTo("string");
        }
      });
    }
  }

  @Test
  void noResponseSchemaForbidsAdditionalProperties() {
    List<String> strict = new ArrayList<>();
    for (AdminSpec.AdminOperation op : AdminSpec.operations(resolved)) {
      for (Map.Entry<String, ApiResponse> response : op.operation().getResponses().entrySet()) {
        if (response.getValue().getContent() != null) {
          for (var media : response.getValue().getContent().values()) {
            collectClosedSchemas(media.getSchema(), op.key() + " " + response.getKey(), strict, new IdentityHashMap<>());
          }
        }
      }
    }

    assertThat(strict).as("response schemas with additionalProperties: false").isEmpty();
  }

  @Test
  void theServersAreTheLocalMockOnPort8080ByDefaultAndItsHttpsListener() {
    assertThat(resolved.getServers()).extracting(Server::getUrl)
        .containsExactly("http://127.0.0.1:{port}", "https://127.0.0.1:{httpsPort}");
    assertThat(resolved.getServers().get(0).getVariables().get("port").getDefault()).isEqualTo("8080");
  }

  private static void collectClosedSchemas(Schema<?> schema, String where, List<String> found,
      IdentityHashMap<Schema<?>, Boolean> seen) {
    if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
      return;
    }
    if (Boolean.FALSE.equals(schema.getAdditionalProperties())) {
      found.add(where);
    }
    if (schema.getProperties() != null) {
      schema.getProperties().forEach((name, child) -> collectClosedSchemas(child, where + "." + name, found, seen));
    }
    collectClosedSchemas(schema.getItems(), where + "[]", found, seen);
    Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
        .filter(list -> list != null)
        .flatMap(List::stream)
        .forEach(child -> collectClosedSchemas(child, where, found, seen));
  }

  private static ObjectNode exampleBody(String operationId, Integer status, String name) {
    AdminSpec.AdminExample example = example(operationId, status, name);
    try {
      return (ObjectNode) Json.mapper().readTree(example.json());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AdminSpec.AdminExample example(String operationId, Integer status, String name) {
    return AdminSpec.examples(resolved).stream()
        .filter(e -> e.operationId().equals(operationId) && java.util.Objects.equals(e.status(), status)
            && e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no example " + name + " of " + operationId + " " + status));
  }

  /** Validates a changed body in the place the named example came from, so a broken example must fail. */
  private static ValidationReport validateLike(String operationId, Integer status, JsonNode body) {
    AdminSpec.AdminExample original = AdminSpec.examples(resolved).stream()
        .filter(e -> e.operationId().equals(operationId) && java.util.Objects.equals(e.status(), status))
        .findFirst().orElseThrow();
    return AdminSpec.validate(validator, new AdminSpec.AdminExample(operationId, original.method(), original.path(),
        status, "changed", body.toString()));
  }

  private static List<String> keysOf(ValidationReport report) {
    List<String> keys = new ArrayList<>();
    report.getMessages().forEach(m -> {
      keys.add(m.getKey());
      m.getNestedMessages().forEach(n -> keys.add(n.getKey()));
    });
    return keys;
  }
}
