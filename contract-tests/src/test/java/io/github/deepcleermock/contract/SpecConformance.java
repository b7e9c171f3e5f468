package io.github.deepcleermock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks HTTP exchanges against the vendor spec {@code deepcleer/videostream/v4/openapi.yaml}, the single source of
 * truth that both the generated client and the mock must obey.
 *
 * <p>Header maps are {@code name -> values}; only {@code Content-Type} matters to the validator here.
 */
public final class SpecConformance {

  /** Classpath location of the vendor spec, packaged by the api-spec module. */
  public static final String VENDOR_SPEC = "deepcleer/videostream/v4/openapi.yaml";

  /** The close endpoint. */
  public static final String CLOSE_PATH = "/finish_videostream/v4";

  /** The submit endpoint. */
  public static final String SUBMIT_PATH = "/videostream/v4";

  private static final String REQUEST_BODY_RULE_PREFIX = "validation.request.body.schema.";

  // Built once: parsing the spec is the expensive part, and the validator is immutable and thread-safe.
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl(VENDOR_SPEC)
          // The spec does not forbid extra properties; the validator would by default (stack-notes 3.7).
          .withLevelResolver(
              LevelResolver.create()
                  .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                  .build())
          .build();

  private SpecConformance() {}

  /** Validates a request; the report lists every violation with its message key. */
  public static ValidationReport validateRequest(
      String method, String path, Map<String, List<String>> headers, String body) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), path);
    headers.forEach(request::withHeader);
    if (body != null) {
      request.withBody(body);
    }
    return VALIDATOR.validateRequest(request.build());
  }

  /** Validates a response to {@code method path}; the report lists every violation with its message key. */
  public static ValidationReport validateResponse(
      String method, String path, int status, Map<String, List<String>> headers, String body) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    headers.forEach(response::withHeader);
    if (body != null) {
      response.withBody(body);
    }
    return VALIDATOR.validateResponse(
        path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
  }

  /** Fails unless the response conforms to the spec. */
  public static void assertResponseConforms(
      String method, String path, int status, Map<String, List<String>> headers, String body) {
    ValidationReport report = validateResponse(method, path, status, headers, body);
    assertThat(report.hasErrors())
        .as("response %s %s -> %d %s violates %s:%n%s", method, path, status, body, VENDOR_SPEC, format(report))
        .isFalse();
  }

  /** Fails unless the request conforms to the spec. */
  public static void assertRequestConforms(
      String method, String path, Map<String, List<String>> headers, String body) {
    ValidationReport report = validateRequest(method, path, headers, body);
    assertThat(report.hasErrors())
        .as("request %s %s %s violates %s:%n%s", method, path, body, VENDOR_SPEC, format(report))
        .isFalse();
  }

  /**
   * Fails unless the request violates the spec's body schema on {@code rule} (a JSON Schema keyword such as
   * {@code required}, {@code maxLength} or {@code type}); proves the spec calls invalid what the mock rejects.
   */
  public static void assertRequestViolates(
      String method, String path, Map<String, List<String>> headers, String body, String rule) {
    ValidationReport report = validateRequest(method, path, headers, body);
    assertThat(errorKeys(report))
        .as("request %s %s %s should violate rule '%s' of %s; report:%n%s",
            method, path, body, rule, VENDOR_SPEC, format(report))
        .contains(REQUEST_BODY_RULE_PREFIX + rule);
  }

  /** The message keys of the report's errors, e.g. {@code validation.request.body.schema.maxLength}. */
  public static List<String> errorKeys(ValidationReport report) {
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(ValidationReport.Message::getKey)
        .toList();
  }

  private static String format(ValidationReport report) {
    return SimpleValidationReportFormat.getInstance().apply(report);
  }
}
