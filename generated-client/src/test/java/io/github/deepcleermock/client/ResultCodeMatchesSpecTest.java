package io.github.deepcleermock.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written enum must list exactly the codes and messages of the spec the client is generated from. */
class ResultCodeMatchesSpecTest {

  // The same file the generator reads (see this module's pom), relative to the module folder Surefire runs in.
  private static final Path SPEC = Path.of("..", "api-spec", "openapi.yaml");

  @Test
  void resultCodeListsExactlyTheSpecsKnownCodesWithTheirMessages() throws Exception {
    JsonNode resultCode = new ObjectMapper(new YAMLFactory()).readTree(SPEC.toFile())
        .path("components").path("schemas").path("ResultCode");
    List<Integer> specCodes = new ArrayList<>();
    resultCode.path("x-known-values").forEach(node -> specCodes.add(node.intValue()));
    String table = resultCode.path("description").asText();

    List<ResultCode> known = Arrays.stream(ResultCode.values()).filter(c -> c != ResultCode.UNKNOWN).toList();

    assertThat(known).extracting(ResultCode::code).containsExactlyInAnyOrderElementsOf(specCodes);
    known.forEach(code -> assertThat(table).contains("| " + code.code() + " | " + code.message() + " |"));
  }
}
