package io.github.deepcleermock.mock.submit;

import static io.github.deepcleermock.mock.submit.SubmitFixture.KEY;
import static io.github.deepcleermock.mock.submit.SubmitFixture.body;
import static io.github.deepcleermock.mock.submit.SubmitFixture.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.faults.FaultMatch;
import io.github.deepcleermock.mock.faults.FaultSpec;
import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.streams.StreamRecord;
import io.github.deepcleermock.mock.streams.StreamState;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SubmitPipelineTest {

  private final SubmitFixture fixture = new SubmitFixture();

  @Test
  void theStepsRunInTheDocumentedOrder() {
    assertThat(fixture.pipeline.stepNames()).containsExactly(
        "ParseJson", "ValidateSubmit", "CheckUrlWords", "AuthorizeKey", "TakeToken", "ApplyFaults", "CheckDuplicate",
        "CheckStreamLimit", "OpenStream");
  }

  @Test
  void aValidSubmitOpensAnActiveStreamHoldingTheWholeBodyUnderAFreshHexId() {
    ObjectNode body = body("rtmp://live.test/live/a");

    Outcome outcome = fixture.submit(body);

    assertThat(outcome.code()).isEqualTo(1100);
    assertThat(outcome.message()).isEqualTo("Success");
    assertThat(outcome.answerId().hex()).matches("[0-9a-f]{32}").isEqualTo(outcome.requestId());
    StreamRecord stream = fixture.streams.get(outcome.requestId());
    assertThat(stream.state()).isEqualTo(StreamState.ACTIVE);
    assertThat(stream.accessKey()).isEqualTo(KEY);
    assertThat(stream.spec().submitted()).isEqualTo(body);
    assertThat(stream.spec().data()).isEqualTo(body.get("data"));
    assertThat(stream.spec().imgCallback()).isEqualTo("http://client.test/img");
    assertThat(stream.spec().audioCallback()).isEqualTo("http://client.test/audio");
    assertThat(stream.spec().returnFinishInfo()).isEqualTo(1);
    assertThat(fixture.opened).containsExactly(stream);
  }

  @Test
  void aMalformedUrlWordAnswersInvalidParametersNamingTheWordNotItsValue() {
    Outcome outcome = fixture.submit(body("rtmp://live.test/live/mock-pull-fail-3999"));

    assertThat(outcome.code()).isEqualTo(1902);
    assertThat(outcome.reason())
        .isEqualTo("data.url: mock-pull-fail-<code>: the pull failure code must be 3001..3005")
        .doesNotContain("3999");
    assertThat(fixture.opened).isEmpty();
  }

  @Test
  void withMagicValuesOffUrlWordsAreJustPartOfTheUrl() {
    SubmitFixture plain = new SubmitFixture(false, 3);

    Outcome outcome = plain.submit(body("rtmp://live.test/live/mock-pull-fail-3999"));

    assertThat(outcome.code()).isEqualTo(1100);
  }

  @Test
  void audioTypeNoneModeratesNoAudioSoTheStreamHasNoAudioCallback() {
    ObjectNode body = body("rtmp://live.test/live/a").put("audioType", "NONE");
    body.remove("audioCallback");

    Outcome outcome = fixture.submit(body);

    assertThat(outcome.code()).isEqualTo(1100);
    assertThat(fixture.streams.get(outcome.requestId()).spec().audioCallback()).isNull();
  }

  @Test
  void aSecondSubmitOfTheSameUrlAnswersTheRunningTasksIdAndOpensNothing() {
    Outcome first = fixture.submit(body("rtmp://live.test/live/a"));

    Outcome second = fixture.submit(body("rtmp://live.test/live/a"));

    assertThat(second.code()).isEqualTo(1100);
    assertThat(second.dupRequestId()).isEqualTo(first.requestId());
    assertThat(second.answerId()).as("the answer carries a fresh id of the call").isNull();
    assertThat(second.reason()).contains("duplicate");
    assertThat(fixture.streams.activeCount(KEY)).isEqualTo(1);
    assertThat(fixture.opened).hasSize(1);
  }

  @Test
  void theSameUrlOfAnotherKeyOrAfterTheStreamStoppedIsNotADuplicate() {
    fixture.account(Account.of("key-2"));
    Outcome first = fixture.submit(body("rtmp://live.test/live/a"));

    Outcome otherKey = fixture.submit(body("rtmp://live.test/live/a").put("accessKey", "key-2"));
    fixture.streams.get(first.requestId()).close(Instant.EPOCH);
    Outcome afterClose = fixture.submit(body("rtmp://live.test/live/a"));

    assertThat(otherKey.dupRequestId()).isNull();
    assertThat(afterClose.dupRequestId()).isNull();
    assertThat(afterClose.requestId()).isNotEqualTo(first.requestId());
  }

  @Test
  void theDuplicateIsFoundBeforeTheStreamLimitSoAFullAccountStillLearnsTheId() {
    fixture.account(Account.of(KEY).withMaxStreams(1));
    Outcome first = fixture.submit(body("rtmp://live.test/live/a"));

    Outcome again = fixture.submit(body("rtmp://live.test/live/a"));
    Outcome another = fixture.submit(body("rtmp://live.test/live/b"));

    assertThat(again.code()).isEqualTo(1100);
    assertThat(again.dupRequestId()).isEqualTo(first.requestId());
    assertThat(another.code()).isEqualTo(1904);
  }

  @Test
  void submitsPastMaxStreamsAnswer1904AndClosingOneFreesASlotAtOnce() {
    fixture.account(Account.of(KEY).withMaxStreams(2));
    Outcome a = fixture.submit(body("rtmp://live.test/live/a"));
    fixture.submit(body("rtmp://live.test/live/b"));

    Outcome full = fixture.submit(body("rtmp://live.test/live/c"));
    fixture.streams.get(a.requestId()).close(Instant.EPOCH);
    Outcome afterClose = fixture.submit(body("rtmp://live.test/live/c"));

    assertThat(full.code()).isEqualTo(1904);
    assertThat(full.message()).isEqualTo("Stream count limit exceeded");
    assertThat(full.reason()).isEqualTo("account has 2 ACTIVE streams, its maxStreams is 2");
    assertThat(afterClose.code()).isEqualTo(1100);
    assertThat(fixture.streams.activeCount(KEY)).isEqualTo(2);
  }

  @Test
  void endingAStreamFreesItsSlotToo() {
    fixture.account(Account.of(KEY).withMaxStreams(1));
    Outcome a = fixture.submit(body("rtmp://live.test/live/a"));

    fixture.streams.get(a.requestId()).end(Instant.EPOCH);

    assertThat(fixture.submit(body("rtmp://live.test/live/b")).code()).isEqualTo(1100);
  }

  @Test
  void theStreamLimitFlagAnswers1904WithoutCountingAnything() {
    fixture.accounts.setStreamLimitReached(KEY, true);

    Outcome outcome = fixture.submit(body("rtmp://live.test/live/a"));

    assertThat(outcome.code()).isEqualTo(1904);
    assertThat(outcome.reason()).contains("streamLimitReached");
    assertThat(fixture.streams.activeCount(KEY)).isZero();
  }

  @Test
  void aKeyWithoutTheSubmitPermissionAnswers9101() {
    fixture.account(Account.of(KEY).withPermissions(Set.of(Account.FINISH)));

    Outcome outcome = fixture.submit(body("rtmp://live.test/live/a"));

    assertThat(outcome.code()).isEqualTo(9101);
    assertThat(outcome.reason()).isEqualTo("access key lacks the submit permission");
  }

  @Test
  void anUnknownKeyAnswers9101() {
    assertThat(fixture.submit(body("rtmp://live.test/live/a").put("accessKey", "nobody")).code()).isEqualTo(9101);
  }

  @Test
  void submitHasItsOwnBucketSizedByQps() {
    fixture.account(Account.of(KEY).withQps(1));

    Outcome first = fixture.submit(body("rtmp://live.test/live/a"));
    Outcome second = fixture.submit(body("rtmp://live.test/live/b"));
    boolean closeBucketUntouched = fixture.accounts.get(KEY).bucket().tryAcquire(fixture.clock.nanoTime());
    fixture.clock.advance(Duration.ofSeconds(1));
    Outcome refilled = fixture.submit(body("rtmp://live.test/live/b"));

    assertThat(first.code()).isEqualTo(1100);
    assertThat(second.code()).isEqualTo(1901);
    assertThat(closeBucketUntouched).isTrue();
    assertThat(refilled.code()).isEqualTo(1100);
  }

  @Test
  void magicTokenIdsForceTheirCodeAndOpenNothing() {
    for (String code : new String[] {"1901", "1903", "1904", "9101"}) {
      ObjectNode body = body("rtmp://live.test/live/" + code);
      data(body).put("tokenId", "mock-" + code);

      Outcome outcome = fixture.submit(body);

      assertThat(outcome.code()).isEqualTo(Integer.parseInt(code));
      assertThat(outcome.reason()).isEqualTo("magic value mock-" + code);
    }
    assertThat(fixture.streams.activeCount(KEY)).isZero();
  }

  @Test
  void aMagicDelayOpensTheStreamAndHoldsTheAnswer() {
    ObjectNode body = body("rtmp://live.test/live/a");
    data(body).put("tokenId", "mock-delay-250");

    Outcome outcome = fixture.submit(body);

    assertThat(outcome.code()).isEqualTo(1100);
    assertThat(outcome.delayNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
    assertThat(fixture.streams.get(outcome.requestId()).state()).isEqualTo(StreamState.ACTIVE);
  }

  @Test
  void withMagicValuesOffAMagicTokenIdIsAnOrdinaryUser() {
    SubmitFixture plain = new SubmitFixture(false, 3);
    ObjectNode body = body("rtmp://live.test/live/a");
    data(body).put("tokenId", "mock-1903");

    assertThat(plain.submit(body).code()).isEqualTo(1100);
  }

  @Test
  void aFaultRuleMatchesTheSubmitsTokenIdAndChangesNothing() {
    fixture.faults.add(FaultSpec.code(new FaultMatch(KEY, "user-7"), 1903));
    ObjectNode body = body("rtmp://live.test/live/a");
    data(body).put("tokenId", "user-7");

    Outcome outcome = fixture.submit(body);

    assertThat(outcome.code()).isEqualTo(1903);
    assertThat(outcome.faultId()).isNotNull();
    assertThat(fixture.streams.activeCount(KEY)).isZero();
  }

  @Test
  void acceptLangZhAnswersTheVendorsChineseTexts() {
    ObjectNode ok = body("rtmp://live.test/live/a").put("acceptLang", "zh");
    ObjectNode bad = body("rtmp://live.test/live/b").put("acceptLang", "zh");
    bad.remove("appId");

    assertThat(fixture.submit(ok).message()).isEqualTo("成功");
    assertThat(fixture.submit(bad).message()).isEqualTo("参数不合法");
    assertThat(fixture.submit(body("rtmp://live.test/live/c")).message()).isEqualTo("Success");
  }

  @Test
  void theLegacyDemoShapeIs1902WithAHint() {
    ObjectNode body = body("rtmp://live.test/live/a");
    body.set("callback", body.remove("imgCallback"));
    data(body).set("btId", data(body).remove("tokenId"));

    Outcome outcome = fixture.submit(body);

    assertThat(outcome.code()).isEqualTo(1902);
    assertThat(outcome.reason()).isEqualTo("imgCallback is missing (v4 has no 'callback' field)");
  }

  @Test
  void aLegacyBtIdInsteadOfTokenIdIs1902WithAHint() {
    ObjectNode body = body("rtmp://live.test/live/a");
    data(body).set("btId", data(body).remove("tokenId"));

    assertThat(fixture.submit(body).reason()).isEqualTo("data.tokenId is missing (v4 has no 'btId' field)");
  }

  @Test
  void aBodyThatIsNotAnObjectIs1902BeforeTheKeyIsLookedAt() {
    assertThat(fixture.submit("[1]").reason()).isEqualTo("body is a JSON array, not an object");
    assertThat(fixture.submit("{\"accessKey\":\"a\",\"accessKey\":\"b\"}").reason())
        .isEqualTo("body has a duplicate field");
  }
}
