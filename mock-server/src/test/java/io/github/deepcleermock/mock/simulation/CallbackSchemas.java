package io.github.deepcleermock.mock.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.deepcleermock.mock.callbacks.CallbackKind;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.Map;

/**
 * The vendor spec's callback schemas as a validator for the bodies the mock sends. Strict, as for answers: a field
 * the schema does not declare is an error, because the mock must not send a field the vendor would not.
 */
public final class CallbackSchemas {

  private static final String SPEC = "deepcleer/videostream/v4/openapi.yaml";
  private static final OpenAPI API;
  private static final SchemaValidator VALIDATOR;

  static {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    API = new OpenAPIParser().readLocation(SPEC, null, options).getOpenAPI();
    VALIDATOR = new SchemaValidator(API, new MessageResolver());
  }

  private CallbackSchemas() {}

  /** The schema name for a kind of callback. */
  public static String schemaOf(CallbackKind kind) {
    return switch (kind) {
      case FRAME_RESULT -> "FrameResultCallback";
      case AUDIO_RESULT -> "AudioResultCallback";
      case STREAM_END -> "StreamEndCallback";
    };
  }

  /** Validates {@code body} against the named component schema. */
  public static ValidationReport validate(String schemaName, JsonNode body) {
    @SuppressWarnings("rawtypes")
    Map<String, Schema> schemas = API.getComponents().getSchemas();
    Schema<?> schema = schemas.get(schemaName);
    if (schema == null) {
      throw new IllegalArgumentException("no schema " + schemaName + " in " + SPEC);
    }
    return VALIDATOR.validate(body.toString(), schema, "callback");
  }

  /** Fails unless {@code body} is a valid callback of this kind. */
  public static void assertValid(CallbackKind kind, JsonNode body) {
    assertThat(validate(schemaOf(kind), body).getMessages())
        .as("%s against %s", body, schemaOf(kind))
        .isEmpty();
  }
}
