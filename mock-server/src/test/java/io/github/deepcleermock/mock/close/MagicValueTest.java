package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.pipeline.Outcome;
import static io.github.deepcleermock.mock.close.PipelineFixture.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Magic requestIds force outcomes in step 5, after fault rules; the policy turns them off. */
class MagicValueTest {

  private final PipelineFixture fixture = new PipelineFixture();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "mock-1901, 1901, QPS limit exceeded",
    "mock-1903, 1903, Service failure",
    "mock-1904, 1904, Stream count limit exceeded",
    "mock-9101, 9101, Unauthorized operation"
  })
  void magicRequestIdForcesItsCode(String requestId, int code, String message) {
    Outcome outcome = fixture.close(KEY, requestId);

    assertThat(outcome.code()).isEqualTo(code);
    assertThat(outcome.message()).isEqualTo(message);
    assertThat(outcome.reason()).isEqualTo("magic value " + requestId);
    assertThat(outcome.delayNanos()).isZero();
    assertThat(outcome.unknownStream()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mock-delay-0, 0", "mock-delay-1, 1", "mock-delay-250, 250", "mock-delay-60000, 60000",
      "mock-delay-00500, 500"})
  void delayMagicValueAnswersSuccessAfterTheDelay(String requestId, long delayMs) {
    Outcome outcome = fixture.close(KEY, requestId);

    assertThat(outcome.code()).isEqualTo(1100);
    assertThat(outcome.delayNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(delayMs));
    assertThat(outcome.reason()).isEqualTo("magic value " + requestId);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mock-delay-", "mock-delay-60001", "mock-delay-99999", "mock-delay-123456",
      "mock-delay--1", "mock-delay-1.5", "mock-delay-abc", "mock-delay- 10", "mock-delay-\u0661\u0662"})
  void badDelayIsAnInvalidParameter(String requestId) {
    Outcome outcome = fixture.close(KEY, requestId);

    assertThat(outcome.code()).isEqualTo(1902);
    assertThat(outcome.message()).isEqualTo("Invalid parameters");
    assertThat(outcome.reason())
        .isEqualTo("magic value mock-delay-<ms>: the delay must be a whole number of milliseconds, 0..60000");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mock-1100", "mock-1902", "mock-", "MOCK-1903", "x-mock-1903", "mock-19031"})
  void otherIdsAreOrdinaryStreamIds(String requestId) {
    Outcome outcome = fixture.close(KEY, requestId);

    assertThat(outcome.code()).isEqualTo(1100);
    assertThat(outcome.unknownStream()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mock-1901", "mock-1903", "mock-1904", "mock-9101", "mock-delay-500", "mock-delay-x"})
  void policyWithoutMagicValuesTreatsThemAsOrdinaryIds(String requestId) {
    PipelineFixture plain = new PipelineFixture(new ClosePolicy(UnknownStreamPolicy.ACCEPT, false));
    plain.open(requestId);

    Outcome outcome = plain.close(KEY, requestId);

    assertThat(outcome.code()).isEqualTo(1100);
    assertThat(outcome.delayNanos()).isZero();
    assertThat(plain.closedStreams).hasSize(1);
  }

  @Test
  void magicValueChangesNoStreamState() {
    PipelineFixture fixtureWithStream = new PipelineFixture();
    fixtureWithStream.open("stream-1", "mock-1903");

    assertThat(fixtureWithStream.close(KEY, "mock-1903").code()).isEqualTo(1903);
    assertThat(fixtureWithStream.closedStreams).isEmpty();
  }
}
