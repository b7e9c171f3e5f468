package io.github.deepcleermock.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class VendorSpecStructureTest {

  @Test
  void specParsesWithoutErrorsOrWarnings() {
    SwaggerParseResult result = VendorSpec.parse();

    assertThat(result.getMessages()).as("parser messages").isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
  }

  @Test
  void packagedSpecIsTheModuleRootSpecNotACopy() throws Exception {
    // Surefire runs in the module folder; the jar must carry this very file, byte for byte.
    String source = Files.readString(Path.of("openapi.yaml"));

    assertThat(VendorSpec.text()).isEqualTo(source);
  }

  @Test
  void theOperationsAreSubmitAndFinishVideoStreamAndEachDeclaresOnlyHttp200() {
    OpenAPI api = VendorSpec.openApi();

    assertThat(api.getPaths()).containsOnlyKeys(VendorSpec.SUBMIT_PATH, VendorSpec.CLOSE_PATH);
    assertThat(api.getPaths().get(VendorSpec.SUBMIT_PATH).getPost().getOperationId())
        .isEqualTo("submitVideoStream");
    assertThat(api.getPaths().get(VendorSpec.CLOSE_PATH).getPost().getOperationId())
        .isEqualTo("finishVideoStream");
    for (String path : List.of(VendorSpec.SUBMIT_PATH, VendorSpec.CLOSE_PATH)) {
      Operation post = api.getPaths().get(path).getPost();
      assertThat(post.getResponses()).as(path).containsOnlyKeys("200");
      // The access key travels in the body: nothing may ask clients for credentials in headers.
      assertThat(post.getSecurity()).as("operation security").isNullOrEmpty();
    }
    assertThat(api.getSecurity()).as("global security").isNullOrEmpty();
    assertThat(api.getComponents().getSecuritySchemes()).as("security schemes").isNullOrEmpty();
  }

  @Test
  void requestSchemaRequiresBothFieldsWithTheVendorsLengthLimits() {
    Schema<?> request = VendorSpec.openApi().getComponents().getSchemas().get("FinishVideoStreamRequest");

    assertThat(request.getRequired()).containsExactlyInAnyOrder("accessKey", "requestId");
    assertThat(request.getProperties()).containsOnlyKeys("accessKey", "requestId");
    Schema<?> accessKey = request.getProperties().get("accessKey");
    Schema<?> requestId = request.getProperties().get("requestId");
    assertThat(List.of(accessKey.getType(), accessKey.getMinLength(), accessKey.getMaxLength()))
        .containsExactly("string", 1, 20);
    assertThat(List.of(requestId.getType(), requestId.getMinLength(), requestId.getMaxLength()))
        .containsExactly("string", 1, 32);
  }

  @Test
  void responseSchemaRequiresRequestIdCodeAndMessage() {
    Schema<?> response = VendorSpec.openApi().getComponents().getSchemas().get("FinishVideoStreamResponse");

    assertThat(response.getRequired()).containsExactlyInAnyOrder("requestId", "code", "message");
    assertThat(response.getProperties()).containsOnlyKeys("requestId", "code", "message");
    assertThat(response.getProperties().get("code").get$ref()).isEqualTo("#/components/schemas/ResultCode");
  }

  @Test
  void codeSchemaIsAnOpenListOfIntegersNotAClosedEnum() {
    Schema<?> code = VendorSpec.openApi().getComponents().getSchemas().get("ResultCode");

    assertThat(code.getType()).isEqualTo("integer");
    assertThat(code.getFormat()).isEqualTo("int32");
    // A closed enum makes generated clients fail the whole call on a code they do not know (stack-notes 8).
    assertThat(code.getEnum()).as("enum of ResultCode").isNullOrEmpty();
    assertThat(code.getExtensions().get("x-known-values"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .containsExactlyInAnyOrderElementsOf(VendorSpec.DOCUMENTED_MESSAGES.keySet());
  }

  @Test
  void codeAndMessageDescriptionsNameEveryCodeWithItsExactMessage() {
    var schemas = VendorSpec.openApi().getComponents().getSchemas();
    String codeTable = schemas.get("ResultCode").getDescription();
    String messageText = ((Schema<?>) schemas.get("FinishVideoStreamResponse").getProperties().get("message"))
        .getDescription();

    VendorSpec.DOCUMENTED_MESSAGES.forEach((code, message) -> {
      assertThat(codeTable).contains("| " + code + " | " + message + " |");
      assertThat(messageText).contains("\"" + message + "\" (" + code + ")");
    });
  }
}
