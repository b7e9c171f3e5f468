package io.github.deepcleermock.mock.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.deepcleermock.mock.time.MockClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Each key's ACTIVE count follows every transition, the ended ones are retained newest first, openings are told. */
class StreamsCountTest {

  private final MockClock clock = new MockClock();
  private final List<StreamRecord> opened = new CopyOnWriteArrayList<>();
  private final Streams streams = new Streams(clock, opened::add, 3);

  @Test
  void seeding40000StreamsKeepsAnExactCountAndTheNextOneIsRefused() {
    // Seeding used to count ACTIVE streams by scanning all of them; the count is now a counter per key, so 40 000
    // seeds are 40 000 constant-time steps (a scan would be 800 million).
    Streams many = new Streams(clock, StreamOpenedListener.NONE, Streams.DEFAULT_ENDED_RETENTION);
    for (int i = 0; i < 40_000; i++) {
      many.open(StreamSpec.builder().accessKey("k").requestId("s" + i).build(), StreamState.ACTIVE, 40_000);
    }

    assertThat(many.activeCount("k")).isEqualTo(40_000);
    assertThatThrownBy(() -> many.open(StreamSpec.builder().accessKey("k").requestId("one-more").build(), StreamState.ACTIVE, 40_000))
        .isInstanceOf(StreamConflictException.class)
        .hasMessage("accessKey: account 'k' already has 40000 ACTIVE streams, its maxStreams is 40000");
    assertThat(many.activeCount("other")).isZero();
  }

  @Test
  void everyTransitionOutOfActiveGivesTheSlotBackExactlyOnce() {
    StreamRecord a = streams.open(StreamSpec.builder().accessKey("k").requestId("a").build(), StreamState.ACTIVE, 10);
    StreamRecord b = streams.open(StreamSpec.builder().accessKey("k").requestId("b").build(), StreamState.ACTIVE, 10);
    streams.open(StreamSpec.builder().accessKey("k").requestId("c").build(), StreamState.ACTIVE, 10);
    streams.open(StreamSpec.builder().accessKey("k").requestId("closed").build(), StreamState.CLOSED, 10);
    assertThat(streams.activeCount("k")).isEqualTo(3);

    assertThat(a.close(Instant.EPOCH)).isTrue();
    assertThat(a.close(Instant.EPOCH)).isFalse();
    assertThat(a.end(Instant.EPOCH)).isFalse();
    assertThat(streams.activeCount("k")).isEqualTo(2);
    assertThat(b.end(Instant.EPOCH)).isTrue();
    assertThat(b.state()).isEqualTo(StreamState.ENDED);
    assertThat(streams.activeCount("k")).isEqualTo(1);
    assertThat(streams.remove("c")).isTrue();
    assertThat(streams.remove("closed")).isTrue();
    assertThat(streams.activeCount("k")).isZero();
  }

  @Test
  void forcingAStreamReplacesItWithoutCountingItTwice() {
    streams.force(StreamSpec.builder().accessKey("k").requestId("r1").build(), StreamState.ACTIVE);
    streams.force(StreamSpec.builder().accessKey("k").requestId("r1").build(), StreamState.ACTIVE);
    assertThat(streams.activeCount("k")).isEqualTo(1);

    streams.force(StreamSpec.builder().accessKey("k").requestId("r1").build(), StreamState.CLOSED);

    assertThat(streams.activeCount("k")).isZero();
  }

  @Test
  void resetStartsTheCountFromTheBaselineAndStaleClosesDoNotTouchIt() {
    StreamRecord stale = streams.open(StreamSpec.builder().accessKey("k").requestId("old").build(), StreamState.ACTIVE, 10);

    streams.restore(List.of(StreamSpec.builder().accessKey("k").requestId("base").build()));
    stale.close(Instant.EPOCH);

    assertThat(streams.activeCount("k")).isEqualTo(1);
    assertThat(streams.get("old")).isNull();
  }

  @Test
  void onlyTheNewestEndedStreamsAreKeptOlderOnesBecomeUnknown() {
    List<StreamRecord> all = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      all.add(streams.open(StreamSpec.builder().accessKey("k").requestId("s" + i).build(), StreamState.ACTIVE, 10));
    }

    for (StreamRecord stream : all) {
      stream.close(Instant.EPOCH);
    }

    assertThat(streams.get("s0")).isNull();
    assertThat(streams.get("s1")).isNull();
    assertThat(streams.get("s2").state()).isEqualTo(StreamState.CLOSED);
    assertThat(streams.get("s4").state()).isEqualTo(StreamState.CLOSED);
    assertThat(streams.list(s -> true)).extracting(StreamRecord::requestId).containsExactly("s2", "s3", "s4");
  }

  @Test
  void activeStreamsAreNeverForgottenByTheRetention() {
    StreamRecord running = streams.open(StreamSpec.builder().accessKey("k").requestId("running").build(), StreamState.ACTIVE, 10);
    for (int i = 0; i < 10; i++) {
      streams.open(StreamSpec.builder().accessKey("k").requestId("s" + i).build(), StreamState.ACTIVE, 10).end(Instant.EPOCH);
    }

    assertThat(streams.get("running")).isSameAs(running);
  }

  @Test
  void everyWayAStreamBecomesActiveIsToldOnce() {
    StreamRecord seeded = streams.open(StreamSpec.builder().accessKey("k").requestId("seeded").build(), StreamState.ACTIVE, 10);
    streams.open(StreamSpec.builder().accessKey("k").requestId("closed").build(), StreamState.CLOSED, 10);
    StreamRecord forced = streams.force(StreamSpec.builder().accessKey("k").requestId("forced").build(), StreamState.ACTIVE);
    Streams.Submitted submitted = streams.submit(StreamSpec.builder().accessKey("k").requestId("submitted").build(), 10);

    assertThat(opened).containsExactly(seeded, forced, ((Streams.Submitted.Opened) submitted).stream());

    streams.restore(List.of(StreamSpec.builder().accessKey("k").requestId("base").build()));

    assertThat(opened).hasSize(4);
    assertThat(opened.get(3).requestId()).isEqualTo("base");
  }
}
