package io.github.deepcleermock.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.http.HttpResponse;

/**
 * The vendor spec as api-spec ships it ({@value #SPEC}), as a validator for what crosses the wire. Strict: a
 * property the spec does not declare is an error, because the mock must not send a field the vendor would not.
 */
final class VendorContract {

  static final String SPEC = "deepcleer/videostream/v4/openapi.yaml";
  static final String CLOSE_PATH = "/finish_videostream/v4";
  static final String SUBMIT_PATH = "/videostream/v4";

  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl(SPEC).build();

  private VendorContract() {}

  /** Validates a response of the close endpoint (status, content type, body) against the spec. */
  static ValidationReport validateResponse(HttpResponse<String> response) {
    return validateResponse(
        response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
  }

  /** Validates a response of the close endpoint given as its parts (a null content type is left out). */
  static ValidationReport validateResponse(int status, String contentType, String body) {
    SimpleResponse.Builder builder = SimpleResponse.Builder.status(status).withBody(body);
    if (contentType != null) {
      builder.withContentType(contentType);
    }
    return VALIDATOR.validateResponse(CLOSE_PATH, Request.Method.POST, builder.build());
  }

  /** Fails unless the response is one the spec allows. */
  static void assertValidResponse(HttpResponse<String> response) {
    assertThat(validateResponse(response).getMessages())
        .as("spec validation of %s %s", response.statusCode(), response.body())
        .isEmpty();
  }

  /** Fails unless the submit response is one the spec allows. */
  static void assertValidSubmitResponse(HttpResponse<String> response) {
    SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
    response.headers().firstValue("Content-Type").ifPresent(builder::withContentType);
    assertThat(VALIDATOR.validateResponse(SUBMIT_PATH, Request.Method.POST, builder.build()).getMessages())
        .as("spec validation of %s %s", response.statusCode(), response.body())
        .isEmpty();
  }

  /** Validates a JSON submit request body against the spec. */
  static ValidationReport validateSubmitRequest(String json) {
    return VALIDATOR.validateRequest(
        SimpleRequest.Builder.post(SUBMIT_PATH).withContentType("application/json").withBody(json).build());
  }

  /** Validates a JSON close request body against the spec. */
  static ValidationReport validateRequest(String json) {
    return VALIDATOR.validateRequest(
        SimpleRequest.Builder.post(CLOSE_PATH).withContentType("application/json").withBody(json).build());
  }
}
