package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.VendorCode;
import static io.github.deepcleermock.mock.close.PipelineFixture.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultRule;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.faults.TransportFault;
import io.github.deepcleermock.mock.streams.StreamState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Fault rules in step 5: any code, match, times, seeded probability, delays, and a forced code changes no state. */
class FaultRulesPipelineTest {

  private final PipelineFixture fixture = new PipelineFixture();

  @Test
  void serviceFailureRuleAnswers1903WithTheCatalogueMessage() {
    FaultRule rule = fixture.faults.add(FaultSpec.code(FaultMatch.ANY, 1903));

    Outcome outcome = fixture.close(KEY, "stream-1");

    assertThat(outcome.code()).isEqualTo(1903);
    assertThat(outcome.message()).isEqualTo("Service failure");
    assertThat(outcome.faultId()).isEqualTo(rule.id());
    assertThat(outcome.reason()).isEqualTo("fault rule " + rule.id());
    assertThat(rule.fired()).isEqualTo(1);
    assertThat(rule.remaining()).as("unlimited").isNull();
  }

  @Test
  void anyCodeCanBeForcedWithTheCatalogueMessageOrItsOwn() {
    fixture.faults.add(FaultSpec.code(FaultMatch.byRequestId("a"), 1904));
    fixture.faults.add(FaultSpec.code(FaultMatch.byRequestId("b"), 9100));
    fixture.faults.add(FaultSpec.code(FaultMatch.byRequestId("c"), 1909).withMessage("Custom text"));

    Outcome documented = fixture.close(KEY, "a");
    Outcome undocumented = fixture.close(KEY, "b");
    Outcome custom = fixture.close(KEY, "c");

    assertThat(documented.code()).isEqualTo(1904);
    assertThat(documented.message()).isEqualTo("Stream count limit exceeded");
    assertThat(undocumented.code()).isEqualTo(9100);
    assertThat(undocumented.message()).isEqualTo(VendorCode.UNDOCUMENTED_MESSAGE);
    assertThat(custom.code()).isEqualTo(1909);
    assertThat(custom.message()).isEqualTo("Custom text");
  }

  @Test
  void forcedCodeChangesNoStateAndFiresNoCallback() {
    fixture.open("stream-1", "alias-1");
    fixture.faults.add(FaultSpec.code(FaultMatch.ANY, 1100));
    fixture.faults.add(FaultSpec.code(FaultMatch.ANY, 1903));

    assertThat(fixture.close(KEY, "stream-1").code()).as("even a forced 1100").isEqualTo(1100);
    assertThat(fixture.close(KEY, "alias-1").code()).isEqualTo(1100);

    assertThat(fixture.streams.get("stream-1").state()).isEqualTo(StreamState.ACTIVE);
    assertThat(fixture.closedStreams).isEmpty();
    fixture.faults.clear();
    assertThat(fixture.close(KEY, "stream-1").code()).isEqualTo(1100);
    assertThat(fixture.closedStreams).hasSize(1);
  }

  @Test
  void forcedCodeDoesNotReportAnUnknownStream() {
    fixture.faults.add(FaultSpec.code(FaultMatch.ANY, 1903));

    assertThat(fixture.close(KEY, "never-seeded").unknownStream()).isFalse();
  }

  @Test
  void rulesMatchByAccessKeyAndRequestIdAndAbsentFieldsMatchAnything() {
    fixture.accounts.put(Account.of("other"));
    fixture.faults.add(FaultSpec.code(FaultMatch.byAccessKey(KEY).withRequestId("r1"), 1901));
    fixture.faults.add(FaultSpec.code(FaultMatch.byAccessKey("other"), 1903));

    assertThat(fixture.close(KEY, "r1").code()).isEqualTo(1901);
    assertThat(fixture.close(KEY, "r2").code()).isEqualTo(1100);
    assertThat(fixture.close("other", "r1").code()).isEqualTo(1903);
    assertThat(fixture.close("other", "r2").code()).isEqualTo(1903);
  }

  @Test
  void firstMatchingRuleInCreationOrderApplies() {
    FaultRule first = fixture.faults.add(FaultSpec.code(FaultMatch.byRequestId("r1"), 1903));
    FaultRule second = fixture.faults.add(FaultSpec.code(FaultMatch.ANY, 1904));

    assertThat(fixture.close(KEY, "r1").faultId()).isEqualTo(first.id());
    assertThat(fixture.close(KEY, "r2").faultId()).isEqualTo(second.id());
    assertThat(first.fired()).isEqualTo(1);
    assertThat(second.fired()).isEqualTo(1);
  }

  @Test
  void ruleWithTimesFiresThatOftenThenFallsThroughAndStaysListed() {
    FaultRule rule = fixture.faults.add(FaultSpec.code(FaultMatch.ANY, 1903).withTimes(2));

    assertThat(fixture.close(KEY, "r").code()).isEqualTo(1903);
    assertThat(rule.remaining()).isEqualTo(1);
    assertThat(fixture.close(KEY, "r").code()).isEqualTo(1903);
    assertThat(fixture.close(KEY, "r").code()).isEqualTo(1100);
    assertThat(fixture.close(KEY, "r").code()).isEqualTo(1100);

    assertThat(rule.fired()).isEqualTo(2);
    assertThat(rule.remaining()).isZero();
    assertThat(fixture.faults.list()).containsExactly(rule);
  }

  @Test
  void exhaustedRuleLetsTheNextRuleApply() {
    fixture.faults.add(FaultSpec.code(FaultMatch.ANY, 1903).withTimes(1));
    fixture.faults.add(FaultSpec.code(FaultMatch.ANY, 1904));

    assertThat(fixture.close(KEY, "r").code()).isEqualTo(1903);
    assertThat(fixture.close(KEY, "r").code()).isEqualTo(1904);
  }

  @Test
  void probabilityIsDrawnFromTheSeededGeneratorSoRunsReplay() {
    List<Integer> first = codesWithProbability(new PipelineFixture(ClosePolicy.DEFAULT, 7L), 0.3);
    List<Integer> second = codesWithProbability(new PipelineFixture(ClosePolicy.DEFAULT, 7L), 0.3);
    List<Integer> otherSeed = codesWithProbability(new PipelineFixture(ClosePolicy.DEFAULT, 8L), 0.3);

    assertThat(second).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
    long failures = first.stream().filter(code -> code == 1903).count();
    assertThat(failures).as("about 30%% of 200").isBetween(35L, 85L);
  }

  @Test
  void probabilityMissFallsThroughWithoutCountingAFiring() {
    FaultRule rule = fixture.faults.add(FaultSpec.code(FaultMatch.ANY, 1903).withProbability(0.5).withTimes(1000));
    fixture.accounts.put(Account.of(KEY).withQps(1000));
    int failures = 0;
    for (int i = 0; i < 100; i++) {
      if (fixture.close(KEY, "r").code() == 1903) {
        failures++;
      }
    }

    assertThat(failures).isBetween(1, 99);
    assertThat(rule.fired()).isEqualTo(failures);
    assertThat(rule.remaining()).isEqualTo(1000 - failures);
  }

  @Test
  void probabilityZeroNeverFiresAndOneAlwaysFires() {
    FaultRule never = fixture.faults.add(FaultSpec.code(FaultMatch.ANY, 1904).withProbability(0.0));
    fixture.faults.add(FaultSpec.code(FaultMatch.ANY, 1903).withProbability(1.0));

    for (int i = 0; i < 20; i++) {
      assertThat(fixture.close(KEY, "r").code()).isEqualTo(1903);
    }
    assertThat(never.fired()).isZero();
  }

  @Test
  void restoringTheRulesReseedsTheGenerator() {
    List<Integer> before = codesWithProbability(fixture, 0.5);
    fixture.faults.restore();

    assertThat(codesWithProbability(fixture, 0.5)).isEqualTo(before);
  }

  @Test
  void delayRuleHoldsTheAnswerButThePipelineStillDecidesIt() {
    fixture.open("stream-1");
    FaultRule rule = fixture.faults.add(FaultSpec.delay(FaultMatch.ANY, 1500));

    Outcome outcome = fixture.close(KEY, "stream-1");

    assertThat(outcome.code()).isEqualTo(1100);
    assertThat(outcome.delayNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1500));
    assertThat(outcome.faultId()).isEqualTo(rule.id());
    assertThat(fixture.streams.get("stream-1").state()).as("decided before the delay").isEqualTo(StreamState.CLOSED);
    assertThat(fixture.closedStreams).hasSize(1);
  }

  @Test
  void delayCombinesWithAForcedCode() {
    fixture.faults.add(FaultSpec.code(FaultMatch.ANY, 1903).withDelayMs(200));

    Outcome outcome = fixture.close(KEY, "r");

    assertThat(outcome.code()).isEqualTo(1903);
    assertThat(outcome.delayNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
  }

  @Test
  void transportFaultRuleBreaksTheExchangeInsteadOfAnswering() {
    fixture.open("stream-1");
    for (TransportFault fault : TransportFault.values()) {
      fixture.faults.clear();
      fixture.faults.add(FaultSpec.transport(FaultMatch.ANY, fault));

      Outcome outcome = fixture.close(KEY, "stream-1");

      assertThat(outcome.answers()).isFalse();
      assertThat(outcome.transportFault()).isEqualTo(fault);
      assertThat(outcome.reason()).endsWith(fault.name()).matches("[\\x20-\\x7E]+");
    }
    assertThat(fixture.streams.get("stream-1").state()).isEqualTo(StreamState.ACTIVE);
  }

  @Test
  void rulesComeBeforeMagicValues() {
    fixture.faults.add(FaultSpec.code(FaultMatch.byRequestId("mock-1904"), 1903));

    assertThat(fixture.close(KEY, "mock-1904").code()).isEqualTo(1903);
  }

  private static List<Integer> codesWithProbability(PipelineFixture fixture, double probability) {
    fixture.accounts.put(Account.of(KEY).withQps(10_000));
    fixture.faults.add(FaultSpec.code(FaultMatch.ANY, 1903).withProbability(probability));
    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      codes.add(fixture.close(KEY, "r" + i).code());
    }
    return codes;
  }
}
