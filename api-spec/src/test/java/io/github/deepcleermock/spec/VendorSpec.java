package io.github.deepcleermock.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Test access to the vendor spec exactly as the api-spec jar ships it (a classpath resource, not the source file). */
final class VendorSpec {

  static final String RESOURCE = "deepcleer/videostream/v4/openapi.yaml";
  static final String CLOSE_PATH = "/finish_videostream/v4";
  static final String SUBMIT_PATH = "/videostream/v4";

  /** The documented codes and their messages, word for word as DESIGN.md's table gives them. */
  static final Map<Integer, String> DOCUMENTED_MESSAGES = Map.of(
      1100, "Success",
      1901, "QPS limit exceeded",
      1902, "Invalid parameters",
      1903, "Service failure",
      1904, "Stream count limit exceeded",
      9101, "Unauthorized operation");

  private VendorSpec() {}

  static String text() {
    return SpecResources.text(RESOURCE);
  }

  static SwaggerParseResult parse() {
    return SpecResources.parse(RESOURCE);
  }

  static OpenAPI openApi() {
    OpenAPI api = parse().getOpenAPI();
    assertThat(api).as("parsed spec").isNotNull();
    return api;
  }

  /**
   * A validator with the library's defaults, which reject properties a schema does not declare (stack-notes 3.7).
   * Kept strict on purpose: an example with a stray field would teach readers a field the vendor never sends.
   */
  static OpenApiInteractionValidator strictValidator() {
    return OpenApiInteractionValidator.createForInlineApiSpecification(text()).build();
  }

  static ValidationReport validateRequest(OpenApiInteractionValidator validator, String json) {
    return validateRequest(validator, CLOSE_PATH, json);
  }

  static ValidationReport validateRequest(OpenApiInteractionValidator validator, String path, String json) {
    return validator.validateRequest(SimpleRequest.Builder.post(path)
        .withContentType("application/json")
        .withBody(json)
        .build());
  }

  static ValidationReport validateResponse(OpenApiInteractionValidator validator, String json) {
    return validateResponse(validator, CLOSE_PATH, json);
  }

  static ValidationReport validateResponse(OpenApiInteractionValidator validator, String path, String json) {
    return validator.validateResponse(path, Request.Method.POST, SimpleResponse.Builder.ok()
        .withContentType("application/json")
        .withBody(json)
        .build());
  }

  static String json(Object exampleValue) {
    try {
      return Json.mapper().writeValueAsString(exampleValue);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
