package io.github.deepcleermock.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Test access to the control-plane spec exactly as the api-spec jar ships it (a classpath resource). */
final class AdminSpec {

  static final String RESOURCE = "deepcleer/videostream/v4/admin-openapi.yaml";
  static final String JSON = "application/json";

  /** DESIGN.md "Control plane": every method and path of the table, nothing more. */
  static final Set<String> DESIGN_ENDPOINTS = Set.of(
      "GET /__admin/health",
      "POST /__admin/reset",
      "GET /__admin/accounts",
      "PUT /__admin/accounts/{accessKey}",
      "GET /__admin/accounts/{accessKey}",
      "DELETE /__admin/accounts/{accessKey}",
      "GET /__admin/streams",
      "POST /__admin/streams",
      "GET /__admin/streams/{requestId}",
      "DELETE /__admin/streams/{requestId}",
      "POST /__admin/streams/{requestId}/end",
      "PUT /__admin/streams/{requestId}/script",
      "GET /__admin/scenarios",
      "POST /__admin/scenarios",
      "DELETE /__admin/scenarios",
      "DELETE /__admin/scenarios/{id}",
      "GET /__admin/faults",
      "POST /__admin/faults",
      "DELETE /__admin/faults",
      "DELETE /__admin/faults/{id}",
      "GET /__admin/requests",
      "DELETE /__admin/requests",
      "GET /__admin/callbacks",
      "POST /__admin/provider-states",
      "POST /__admin/pact/messages",
      // DESIGN.md "Surfaces users expect (v3)"
      "GET /__admin/tls/ca.pem",
      "GET /__admin/metrics",
      "GET /__admin/openapi.yaml",
      "GET /__admin/admin-openapi.yaml",
      "GET /__admin/docs/index.html",
      // the dashboard
      "GET /__admin/ui/{file}");

  /** Operations that never need the admin token (README "Admin token"). */
  static final Set<String> PUBLIC_ENDPOINTS = Set.of(
      "GET /__admin/health",
      "GET /__admin/tls/ca.pem",
      "GET /__admin/openapi.yaml",
      "GET /__admin/admin-openapi.yaml",
      "GET /__admin/docs/index.html",
      "GET /__admin/ui/{file}");

  /** DESIGN.md "Provider states", word for word and in its order. */
  static final List<String> DESIGN_PROVIDER_STATES = List.of(
      "access key is authorized",
      "access key is not authorized",
      "stream is active",
      "stream is closed",
      "QPS limit is exhausted",
      "stream count limit is reached",
      "service is failing",
      "access key has reached its stream limit",
      "stream with url is active");

  /** One named example of a request body or of a response body, with where it belongs. */
  record AdminExample(String operationId, Request.Method method, String path, Integer status, String name,
      String json) {

    boolean isRequest() {
      return status == null;
    }

    @Override
    public String toString() {
      return operationId + (isRequest() ? " request " : " response " + status + " ") + name;
    }
  }

  /** One operation with the method and path template it sits under. */
  record AdminOperation(Request.Method method, String pathTemplate, PathItem pathItem, Operation operation) {

    String key() {
      return method + " " + pathTemplate;
    }

    /** Path and operation parameters together, operation-level ones winning as OpenAPI says. */
    List<Parameter> parameters() {
      List<Parameter> all = new ArrayList<>(Optional.ofNullable(operation.getParameters()).orElse(List.of()));
      Optional.ofNullable(pathItem.getParameters()).orElse(List.of()).stream()
          .filter(p -> all.stream().noneMatch(o -> o.getName().equals(p.getName()) && o.getIn().equals(p.getIn())))
          .forEach(all::add);
      return all;
    }

    /** The path template with every path parameter replaced by its (percent-encoded) example. */
    String concretePath() {
      String path = pathTemplate;
      for (Parameter p : parameters()) {
        if ("path".equals(p.getIn())) {
          assertThat(p.getExample()).as("example of path parameter %s in %s", p.getName(), key()).isNotNull();
          String value = URLEncoder.encode(String.valueOf(p.getExample()), StandardCharsets.UTF_8).replace("+", "%20");
          path = path.replace("{" + p.getName() + "}", value);
        }
      }
      return path;
    }
  }

  private AdminSpec() {}

  static String text() {
    return SpecResources.text(RESOURCE);
  }

  static SwaggerParseResult parse() {
    return SpecResources.parse(RESOURCE);
  }

  /** The spec with every $ref inlined, so examples behind component responses are reachable without lookups. */
  static OpenAPI resolvedOpenApi() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    OpenAPI api = new OpenAPIV3Parser().readContents(text(), null, options).getOpenAPI();
    assertThat(api).as("parsed admin spec").isNotNull();
    return api;
  }

  static List<AdminOperation> operations(OpenAPI api) {
    List<AdminOperation> operations = new ArrayList<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
        operations.add(new AdminOperation(Request.Method.valueOf(method.name()), path, item, operation))));
    return operations;
  }

  static List<AdminExample> examples(OpenAPI api) {
    List<AdminExample> examples = new ArrayList<>();
    for (AdminOperation op : operations(api)) {
      String id = op.operation().getOperationId();
      String path = op.concretePath();
      if (op.operation().getRequestBody() != null) {
        mediaExamples(op.operation().getRequestBody().getContent().get(JSON)).forEach((name, json) ->
            examples.add(new AdminExample(id, op.method(), path, null, name, json)));
      }
      op.operation().getResponses().forEach((status, response) -> {
        if (response.getContent() != null) {
          mediaExamples(response.getContent().get(JSON)).forEach((name, json) ->
              examples.add(new AdminExample(id, op.method(), path, Integer.valueOf(status), name, json)));
        }
      });
    }
    return examples;
  }

  private static Map<String, String> mediaExamples(MediaType mediaType) {
    if (mediaType == null || mediaType.getExamples() == null) {
      return Map.of();
    }
    return mediaType.getExamples().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> json(e.getValue().getValue()), (a, b) -> a,
            java.util.LinkedHashMap::new));
  }

  /**
   * A validator with the library's defaults, which also reject properties a response schema does not declare
   * (stack-notes 3.7). Strict on purpose here: an example with a stray field would document a field the mock
   * never sends. Tests of the running mock should relax it, since responses are for tolerant readers.
   */
  static OpenApiInteractionValidator strictValidator() {
    return OpenApiInteractionValidator.createForSpecificationUrl(RESOURCE).build();
  }

  static ValidationReport validate(OpenApiInteractionValidator validator, AdminExample example) {
    if (example.isRequest()) {
      return validator.validateRequest(new SimpleRequest.Builder(example.method(), example.path())
          .withContentType(JSON)
          .withAuthorization("Bearer example-admin-token")
          .withBody(example.json())
          .build());
    }
    return validator.validateResponse(example.path(), example.method(),
        SimpleResponse.Builder.status(example.status())
            .withContentType(JSON)
            .withBody(example.json())
            .build());
  }

  static Stream<AdminExample> examplesStream() {
    return examples(resolvedOpenApi()).stream();
  }

  static String json(Object exampleValue) {
    try {
      return Json.mapper().writeValueAsString(exampleValue);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
