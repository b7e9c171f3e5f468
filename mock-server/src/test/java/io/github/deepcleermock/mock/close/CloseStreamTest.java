package io.github.deepcleermock.mock.close;

import io.github.deepcleermock.mock.pipeline.Outcome;
import static io.github.deepcleermock.mock.close.PipelineFixture.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.streams.StreamRecord;
import io.github.deepcleermock.mock.streams.StreamState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Step 7: ACTIVE → CLOSED once by any of the stream's ids; already closed → 1100 again; unknown ids per policy. */
class CloseStreamTest {

  private final PipelineFixture fixture = new PipelineFixture();

  @Test
  void closingAnActiveStreamByItsRequestIdClosesItOnce() {
    StreamRecord stream = fixture.open("stream-1");
    fixture.clock.advance(Duration.ofSeconds(5));

    Outcome outcome = fixture.close(KEY, "stream-1");

    assertThat(outcome.code()).isEqualTo(1100);
    assertThat(outcome.unknownStream()).isFalse();
    assertThat(stream.state()).isEqualTo(StreamState.CLOSED);
    assertThat(stream.closedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:05Z"));
    assertThat(fixture.closedStreams).containsExactly(stream);
  }

  @Test
  void closingByAnyDupRequestIdClosesTheSameStream() {
    StreamRecord stream = fixture.open("stream-1", "dup-a", "dup-b");

    assertThat(fixture.close(KEY, "dup-b").code()).isEqualTo(1100);

    assertThat(stream.state()).isEqualTo(StreamState.CLOSED);
    assertThat(fixture.closedStreams).containsExactly(stream);
  }

  @Test
  void closingAClosedStreamAnswersSuccessAgainWithoutASecondCallback() {
    StreamRecord stream = fixture.open("stream-1", "dup-a");
    fixture.close(KEY, "dup-a");
    Instant closedAt = stream.closedAt();
    fixture.clock.advance(Duration.ofSeconds(1));

    Outcome byId = fixture.close(KEY, "stream-1");
    Outcome byAlias = fixture.close(KEY, "dup-a");

    for (Outcome again : new Outcome[] {byId, byAlias}) {
      assertThat(again.code()).isEqualTo(1100);
      assertThat(again.message()).isEqualTo("Success");
      assertThat(again.reason()).isEqualTo("stream was already closed");
      assertThat(again.unknownStream()).isFalse();
    }
    assertThat(stream.closedAt()).isEqualTo(closedAt);
    assertThat(fixture.closedStreams).hasSize(1);
  }

  @Test
  void unknownIdIsAcceptedByDefaultAndMarked() {
    Outcome outcome = fixture.close(KEY, "1639824316368");

    assertThat(outcome.code()).isEqualTo(1100);
    assertThat(outcome.message()).isEqualTo("Success");
    assertThat(outcome.unknownStream()).isTrue();
    assertThat(outcome.reason()).isEqualTo("unknown stream (unknownStream policy: accept)");
    assertThat(fixture.closedStreams).isEmpty();
  }

  @Test
  void unknownIdIsRejectedAsInvalidParametersUnderTheRejectPolicy() {
    PipelineFixture strict = new PipelineFixture(new ClosePolicy(UnknownStreamPolicy.REJECT, true));

    Outcome outcome = strict.close(KEY, "1639824316368");

    assertThat(outcome.code()).isEqualTo(1902);
    assertThat(outcome.message()).isEqualTo("Invalid parameters");
    assertThat(outcome.unknownStream()).isTrue();
    assertThat(outcome.reason()).isEqualTo("unknown stream (unknownStream policy: reject)");
  }

  @Test
  void rejectPolicyStillClosesKnownStreams() {
    PipelineFixture strict = new PipelineFixture(new ClosePolicy(UnknownStreamPolicy.REJECT, true));
    strict.open("stream-1");

    assertThat(strict.close(KEY, "stream-1").code()).isEqualTo(1100);
    assertThat(strict.close(KEY, "stream-1").code()).as("closed is not unknown").isEqualTo(1100);
  }

  @Test
  void streamOfAnotherKeyCountsAsUnknownAndStaysActive() {
    fixture.accounts.put(Account.of("owner"));
    StreamRecord stream = fixture.openFor("owner", "stream-1", "dup-a");

    Outcome byId = fixture.close(KEY, "stream-1");
    Outcome byAlias = fixture.close(KEY, "dup-a");

    for (Outcome outcome : new Outcome[] {byId, byAlias}) {
      assertThat(outcome.code()).isEqualTo(1100);
      assertThat(outcome.unknownStream()).isTrue();
      assertThat(outcome.reason()).isEqualTo("stream belongs to another access key (unknownStream policy: accept)");
    }
    assertThat(stream.state()).isEqualTo(StreamState.ACTIVE);
    assertThat(fixture.closedStreams).isEmpty();
  }

  @Test
  void streamOfAnotherKeyIsRejectedUnderTheRejectPolicy() {
    PipelineFixture strict = new PipelineFixture(new ClosePolicy(UnknownStreamPolicy.REJECT, true));
    strict.accounts.put(Account.of("owner"));
    strict.openFor("owner", "stream-1");

    Outcome outcome = strict.close(KEY, "stream-1");

    assertThat(outcome.code()).isEqualTo(1902);
    assertThat(outcome.unknownStream()).isTrue();
    assertThat(outcome.reason()).startsWith("stream belongs to another access key");
  }

  @Test
  void requestIdsAreMatchedExactly() {
    fixture.open("Stream-1");

    assertThat(fixture.close(KEY, "stream-1").unknownStream()).isTrue();
    assertThat(fixture.close(KEY, "Stream-1 ").unknownStream()).isTrue();
    assertThat(fixture.close(KEY, "Stream-1").unknownStream()).isFalse();
  }
}
