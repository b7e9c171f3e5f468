package io.github.deepcleermock.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResultCodeTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "1100, SUCCESS, Success",
      "1901, QPS_LIMIT_EXCEEDED, QPS limit exceeded",
      "1902, INVALID_PARAMETERS, Invalid parameters",
      "1903, SERVICE_FAILURE, Service failure",
      "1904, STREAM_COUNT_LIMIT_EXCEEDED, Stream count limit exceeded",
      "9101, UNAUTHORIZED_OPERATION, Unauthorized operation",
  })
  void eachDocumentedCodeMapsToItsValueWithTheVendorsMessage(int raw, ResultCode expected, String message) {
    ResultCode.Code code = ResultCode.of(raw);

    assertThat(code.value()).isEqualTo(expected);
    assertThat(code.raw()).isEqualTo(raw);
    assertThat(code.isKnown()).isTrue();
    assertThat(expected.code()).isEqualTo(raw);
    assertThat(expected.message()).isEqualTo(message);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {1999, 9100, 1909, 0, -1, Integer.MAX_VALUE})
  void anUndocumentedCodeMapsToUnknownAndKeepsTheRawValue(int raw) {
    ResultCode.Code code = ResultCode.of(raw);

    assertThat(code.value()).isEqualTo(ResultCode.UNKNOWN);
    assertThat(code.raw()).isEqualTo(raw);
    assertThat(code.isKnown()).isFalse();
    assertThat(code.isSuccess()).isFalse();
    assertThat(code).hasToString("UNKNOWN(" + raw + ")");
  }

  @Test
  void onlyCode1100IsSuccess() {
    assertThat(Arrays.stream(ResultCode.values()).filter(ResultCode::isSuccess)).containsExactly(ResultCode.SUCCESS);
    assertThat(ResultCode.of(1100).isSuccess()).isTrue();
    assertThat(ResultCode.of(1100)).hasToString("SUCCESS(1100)");
  }

  @Test
  void theBoxedOverloadMapsLikeThePrimitiveOne() {
    assertThat(ResultCode.of(Integer.valueOf(1904))).isEqualTo(ResultCode.of(1904));
    assertThat(ResultCode.of(Integer.valueOf(1999))).isEqualTo(ResultCode.of(1999));
  }

  @Test
  void anAbsentCodeIsRefusedRatherThanInvented() {
    assertThatThrownBy(() -> ResultCode.of((Integer) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("code is absent");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ResultCode.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
  void aCodeValueMustBelongToItsRawInteger(ResultCode known) {
    assertThatThrownBy(() -> new ResultCode.Code(known, 1999)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ResultCode.Code(ResultCode.UNKNOWN, known.code()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ResultCode.Code(known, known.code())).isEqualTo(ResultCode.of(known.code()));
  }
}
