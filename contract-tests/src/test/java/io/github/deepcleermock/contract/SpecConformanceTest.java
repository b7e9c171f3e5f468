package io.github.deepcleermock.contract;

import static io.github.deepcleermock.contract.SpecConformance.CLOSE_PATH;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proves the spec checks have teeth: they accept what the spec allows and reject what it does not. */
class SpecConformanceTest {

  private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

  @Test
  void theVendorsDocumentedExchangeConforms() {
    assertThatCode(
            () -> {
              SpecConformance.assertRequestConforms(
                  "POST", CLOSE_PATH, JSON, "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"1639824316368\"}");
              SpecConformance.assertResponseConforms(
                  "POST", CLOSE_PATH, 200, JSON,
                  "{\"requestId\":\"a78eef377079acc6cdec24967ecde722\",\"code\":1100,\"message\":\"Success\"}");
            })
        .doesNotThrowAnyException();
  }

  @Test
  void anUnknownResponseFieldIsToleratedBecauseTheSpecDoesNotForbidIt() {
    assertThatCode(
            () -> SpecConformance.assertResponseConforms(
                "POST", CLOSE_PATH, 200, JSON,
                "{\"requestId\":\"a78eef377079acc6cdec24967ecde722\",\"code\":1100,\"message\":\"Success\","
                    + "\"extra\":1}"))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "missing code | {\"requestId\":\"a78eef377079acc6cdec24967ecde722\",\"message\":\"Success\"}",
        "code as a string | {\"requestId\":\"a78eef377079acc6cdec24967ecde722\",\"code\":\"1100\",\"message\":\"Success\"}",
        "message as a number | {\"requestId\":\"a78eef377079acc6cdec24967ecde722\",\"code\":1100,\"message\":1}",
        "not JSON | Success",
      })
  void aResponseOutsideTheSpecFails(String why, String body) {
    assertThatThrownBy(() -> SpecConformance.assertResponseConforms("POST", CLOSE_PATH, 200, JSON, body))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("violates");
  }

  @Test
  void anUndeclaredStatusFails() {
    assertThatThrownBy(
            () -> SpecConformance.assertResponseConforms(
                "POST", CLOSE_PATH, 500, JSON,
                "{\"requestId\":\"a78eef377079acc6cdec24967ecde722\",\"code\":1903,\"message\":\"Service failure\"}"))
        .isInstanceOf(AssertionError.class);
  }

  @ParameterizedTest(name = "{0} violates {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "absent requestId | required | {\"accessKey\":\"key-1\"}",
        "21-character accessKey | maxLength | {\"accessKey\":\"abcdefghijklmnopqrstu\",\"requestId\":\"r1\"}",
        "numeric requestId | type | {\"accessKey\":\"key-1\",\"requestId\":123}",
        "null requestId | type | {\"accessKey\":\"key-1\",\"requestId\":null}",
      })
  void anInvalidRequestViolatesTheNamedRule(String why, String rule, String body) {
    assertThatCode(() -> SpecConformance.assertRequestViolates("POST", CLOSE_PATH, JSON, body, rule))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> SpecConformance.assertRequestConforms("POST", CLOSE_PATH, JSON, body))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aRequestViolatingAnotherRuleThanNamedFails() {
    assertThatThrownBy(
            () -> SpecConformance.assertRequestViolates(
                "POST", CLOSE_PATH, JSON, "{\"accessKey\":\"key-1\"}", "maxLength"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("maxLength");
  }

  @Test
  void aValidRequestDoesNotViolateAnyRule() {
    assertThatThrownBy(
            () -> SpecConformance.assertRequestViolates(
                "POST", CLOSE_PATH, JSON, "{\"accessKey\":\"key-1\",\"requestId\":\"r1\"}", "required"))
        .isInstanceOf(AssertionError.class);
  }
}
