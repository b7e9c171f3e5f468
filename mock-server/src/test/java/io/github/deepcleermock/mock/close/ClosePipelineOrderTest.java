package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.pipeline.Outcome;
import static io.github.deepcleermock.mock.close.PipelineFixture.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 9101, 1901 and 1904 come from conditions a user sets up, and the steps run in DESIGN.md's order: parse →
 * validate → authorize → rate → faults → stream limit → close.
 */
class ClosePipelineOrderTest {

  private final PipelineFixture fixture = new PipelineFixture();

  @Test
  void unregisteredKeyIsUnauthorized() {
    Outcome outcome = fixture.close("nobody", "stream-1");

    assertThat(outcome.code()).isEqualTo(9101);
    assertThat(outcome.message()).isEqualTo("Unauthorized operation");
    assertThat(outcome.reason()).isEqualTo("access key is not registered");
  }

  @Test
  void keyWithoutTheFinishPermissionIsUnauthorized() {
    fixture.accounts.put(Account.of("reader").withPermissions(Set.of("submit")));
    fixture.openFor("reader", "stream-1");

    Outcome outcome = fixture.close("reader", "stream-1");

    assertThat(outcome.code()).isEqualTo(9101);
    assertThat(outcome.reason()).isEqualTo("access key lacks the finish permission");
    assertThat(fixture.streams.get("stream-1").state()).isEqualTo(StreamState.ACTIVE);
  }

  @Test
  void keyWithNoPermissionsAtAllIsUnauthorized() {
    fixture.accounts.put(Account.of("nothing").withPermissions(Set.of()));

    assertThat(fixture.close("nothing", "stream-1").code()).isEqualTo(9101);
  }

  @Test
  void keysAreCaseSensitive() {
    assertThat(fixture.close(KEY.toUpperCase(), "stream-1").code()).isEqualTo(9101);
  }

  @Test
  void bucketHoldsQpsTokensAndAnswersQpsLimitExceededWhenEmpty() {
    fixture.accounts.put(Account.of(KEY).withQps(3));

    for (int i = 0; i < 3; i++) {
      assertThat(fixture.close(KEY, "r" + i).code()).as("request %d", i).isEqualTo(1100);
    }
    Outcome refused = fixture.close(KEY, "r3");

    assertThat(refused.code()).isEqualTo(1901);
    assertThat(refused.message()).isEqualTo("QPS limit exceeded");
    assertThat(refused.reason()).isEqualTo("token bucket empty: the key allows 3 requests per second");
  }

  @Test
  void bucketRefillsAtQpsTokensPerSecondOfTheInjectedClock() {
    fixture.accounts.put(Account.of(KEY).withQps(4));
    drain(KEY);

    fixture.clock.advance(Duration.ofMillis(249));
    assertThat(fixture.close(KEY, "r").code()).as("a quarter second minus 1 ms").isEqualTo(1901);
    fixture.clock.advance(Duration.ofMillis(1));
    assertThat(fixture.close(KEY, "r").code()).as("one token after 1 s / qps").isEqualTo(1100);
    assertThat(fixture.close(KEY, "r").code()).isEqualTo(1901);

    fixture.clock.advance(Duration.ofHours(1));
    for (int i = 0; i < 4; i++) {
      assertThat(fixture.close(KEY, "r").code()).isEqualTo(1100);
    }
    assertThat(fixture.close(KEY, "r").code()).as("an idle hour refills at most qps tokens").isEqualTo(1901);
  }

  @Test
  void keysHaveSeparateBuckets() {
    fixture.accounts.put(Account.of(KEY).withQps(1));
    fixture.accounts.put(Account.of("other").withQps(1));

    assertThat(fixture.close(KEY, "r").code()).isEqualTo(1100);
    assertThat(fixture.close(KEY, "r").code()).isEqualTo(1901);
    assertThat(fixture.close("other", "r").code()).isEqualTo(1100);
  }

  @Test
  void onlyAuthorizedRequestsSpendTokens() {
    fixture.accounts.put(Account.of(KEY).withQps(1));
    fixture.accounts.put(Account.of("later").withQps(1).withPermissions(Set.of()));
    for (int i = 0; i < 10; i++) {
      assertThat(fixture.close(KEY, "Z".repeat(33)).code()).isEqualTo(1902);
      assertThat(fixture.closeBody("{\"accessKey\":\"" + KEY + "\"}").code()).isEqualTo(1902);
      assertThat(fixture.close("later", "r").code()).isEqualTo(9101);
    }

    assertThat(fixture.close(KEY, "r").code()).as("invalid requests left the token").isEqualTo(1100);
    fixture.accounts.put(Account.of("later").withQps(1));
    assertThat(fixture.close("later", "r").code()).as("unauthorized requests left the token").isEqualTo(1100);
  }

  @Test
  void frozenBucketAnswersQpsLimitExceededWhateverTheTime() {
    fixture.accounts.find(KEY).orElseThrow().bucket().freeze();
    fixture.clock.advance(Duration.ofDays(1));

    Outcome outcome = fixture.close(KEY, "r");

    assertThat(outcome.code()).isEqualTo(1901);
    assertThat(outcome.reason()).contains("frozen");
  }

  @Test
  void streamLimitFlagAnswersStreamCountLimitExceededAndClosesNothing() {
    fixture.open("stream-1");
    fixture.accounts.setStreamLimitReached(KEY, true);

    Outcome outcome = fixture.close(KEY, "stream-1");

    assertThat(outcome.code()).isEqualTo(1904);
    assertThat(outcome.message()).isEqualTo("Stream count limit exceeded");
    assertThat(outcome.reason()).isEqualTo("account flag streamLimitReached is set");
    assertThat(fixture.streams.get("stream-1").state()).isEqualTo(StreamState.ACTIVE);
    assertThat(fixture.closedStreams).isEmpty();
  }

  @Test
  void clearingTheStreamLimitFlagLetsClosesThrough() {
    fixture.open("stream-1");
    fixture.accounts.setStreamLimitReached(KEY, true);
    fixture.close(KEY, "stream-1");
    fixture.accounts.setStreamLimitReached(KEY, false);

    assertThat(fixture.close(KEY, "stream-1").code()).isEqualTo(1100);
    assertThat(fixture.closedStreams).hasSize(1);
  }

  @Test
  void streamCountNeverProducesStreamCountLimitExceeded() {
    fixture.accounts.put(Account.of(KEY).withMaxStreams(1));
    fixture.open("stream-1");

    assertThat(fixture.close(KEY, "stream-1").code()).isEqualTo(1100);
    assertThat(fixture.close(KEY, "unknown").code()).isEqualTo(1100);
  }

  @Test
  void invalidBodyWinsOverAnUnknownKey() {
    assertThat(fixture.close("nobody", "").code()).isEqualTo(1902);
  }

  @Test
  void unknownKeyWinsOverFaultRulesAndMagicValues() {
    fixture.faults.add(FaultSpec.code(FaultMatch.ANY, 1903));

    assertThat(fixture.close("nobody", "stream-1").code()).isEqualTo(9101);
    assertThat(fixture.close("nobody", "mock-1904").code()).isEqualTo(9101);
    assertThat(fixture.faults.list().get(0).fired()).as("the rule never saw the request").isZero();
  }

  @Test
  void emptyBucketWinsOverFaultRules() {
    fixture.accounts.put(Account.of(KEY).withQps(1));
    fixture.faults.add(FaultSpec.code(FaultMatch.ANY, 1903));
    assertThat(fixture.close(KEY, "r").code()).isEqualTo(1903);

    assertThat(fixture.close(KEY, "r").code()).isEqualTo(1901);
    assertThat(fixture.close(KEY, "mock-1904").code()).isEqualTo(1901);
    assertThat(fixture.faults.list().get(0).fired()).isEqualTo(1);
  }

  @Test
  void faultsWinOverTheStreamLimitFlag() {
    fixture.accounts.setStreamLimitReached(KEY, true);
    assertThat(fixture.close(KEY, "mock-1903").code()).isEqualTo(1903);

    fixture.faults.add(FaultSpec.code(FaultMatch.ANY, 9101));
    assertThat(fixture.close(KEY, "stream-1").code()).isEqualTo(9101);
  }

  @Test
  void streamLimitFlagWinsOverTheStreamState() {
    fixture.accounts.setStreamLimitReached(KEY, true);

    assertThat(fixture.close(KEY, "unknown").code()).isEqualTo(1904);
  }

  @Test
  void aPlainSuccessCarriesNoReason() {
    fixture.open("stream-1");

    Outcome outcome = fixture.close(KEY, "stream-1");

    assertThat(outcome.code()).isEqualTo(1100);
    assertThat(outcome.message()).isEqualTo("Success");
    assertThat(outcome.reason()).isNull();
    assertThat(outcome.accessKey()).isEqualTo(KEY);
    assertThat(outcome.requestId()).isEqualTo("stream-1");
    assertThat(outcome.delayNanos()).isZero();
    assertThat(outcome.answers()).isTrue();
  }

  private void drain(String key) {
    int granted = 0;
    while (fixture.close(key, "drain").code() == 1100) {
      granted++;
      assertThat(granted).as("the bucket must run dry").isLessThan(1000);
    }
  }
}
