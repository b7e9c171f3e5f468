package io.github.deepcleermock.mock.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.time.MockClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviours every {@link StreamStore} has, written once and run against each store (memory, Redis): lookups by
 * every id, the atomic submit, exactly-once transitions, the ACTIVE count, retention, seeding, forcing, removal and
 * the baseline.
 */
public abstract class StreamStoreContract {

  /** Stopped streams each store under test keeps. */
  protected static final int RETENTION = 3;

  protected final MockClock clock = new MockClock();
  protected StreamStore streams;

  /** A fresh, empty store keeping {@link #RETENTION} stopped streams, on {@code clock}. */
  protected abstract StreamStore open(MockClock clock, int endedRetention);

  /** Releases what {@link #open} took. */
  protected void close() {}

  @BeforeEach
  void openStore() {
    streams = open(clock, RETENTION);
    streams.restore(List.of());
  }

  @AfterEach
  void closeStore() {
    close();
  }

  private static StreamSpec spec(String requestId, String... aliases) {
    return StreamSpec.builder().accessKey("k").requestId(requestId).dupRequestIds(List.of(aliases)).build();
  }

  private static StreamSpec submitted(String requestId, String url) {
    ObjectNode data = JsonNodeFactory.instance.objectNode().put("streamType", "NORMAL").put("url", url);
    return StreamSpec.builder().accessKey("k").requestId(requestId).data(data).build();
  }

  @Test
  void aSubmittedStreamIsFoundByItsRequestIdAndCountsAsActive() {
    StreamStore.Submitted submitted = streams.submit(submitted("r1", "rtmp://a"), 5);

    assertThat(submitted).isInstanceOf(StreamStore.Submitted.Opened.class);
    StreamRecord found = streams.get("r1");
    assertThat(found.requestId()).isEqualTo("r1");
    assertThat(found.state()).isEqualTo(StreamState.ACTIVE);
    assertThat(found.spec().data().path("url").asText()).isEqualTo("rtmp://a");
    assertThat(found.openedAt()).isEqualTo(clock.now());
    assertThat(streams.activeCount("k")).isEqualTo(1);
    assertThat(streams.get("nobody")).isNull();
  }

  @Test
  void aSeededStreamIsFoundByEveryAliasAsTheSameStream() {
    streams.open(spec("r1", "alias-1", "alias-2"), StreamState.ACTIVE, 5);

    assertThat(streams.get("alias-2").requestId()).isEqualTo("r1");
    assertThat(streams.get("alias-1").spec().dupRequestIds()).containsExactly("alias-1", "alias-2");
    assertThat(streams.list(s -> true)).extracting(StreamRecord::requestId).containsExactly("r1");
  }

  @Test
  void aSecondSubmitOfARunningStreamFindsItAndOpensNothingUntilItIsClosed() {
    streams.submit(submitted("first", "rtmp://same"), 5);

    StreamStore.Submitted again = streams.submit(submitted("second", "rtmp://same"), 5);

    assertThat(again).isInstanceOfSatisfying(
        StreamStore.Submitted.Duplicate.class, d -> assertThat(d.running().requestId()).isEqualTo("first"));
    assertThat(streams.running(submitted("x", "rtmp://same").dedupKey()).requestId()).isEqualTo("first");
    assertThat(streams.get("second")).isNull();
    assertThat(streams.activeCount("k")).isEqualTo(1);

    assertThat(streams.get("first").close(clock.now())).isTrue();
    assertThat(streams.running(submitted("x", "rtmp://same").dedupKey())).isNull();
    assertThat(streams.submit(submitted("third", "rtmp://same"), 5)).isInstanceOf(StreamStore.Submitted.Opened.class);
  }

  @Test
  void aSubmitBeyondMaxStreamsIsRefusedWithTheCount() {
    streams.submit(submitted("a", "rtmp://a"), 2);
    streams.submit(submitted("b", "rtmp://b"), 2);

    StreamStore.Submitted third = streams.submit(submitted("c", "rtmp://c"), 2);

    assertThat(third).isEqualTo(new StreamStore.Submitted.LimitReached(2));
    assertThat(streams.get("c")).isNull();
    assertThat(streams.activeCount("k")).isEqualTo(2);
  }

  @Test
  void closeAndEndLeaveActiveExactlyOnceWhicheverRecordAsks() {
    streams.open(spec("r1", "alias"), StreamState.ACTIVE, 5);
    StreamRecord byId = streams.get("r1");
    StreamRecord byAlias = streams.get("alias");
    clock.advance(Duration.ofSeconds(7));
    Instant closedAt = clock.now();

    assertThat(byId.close(closedAt)).isTrue();
    assertThat(byAlias.close(closedAt)).isFalse();
    assertThat(byAlias.end(closedAt)).isFalse();
    assertThat(byAlias.state()).isEqualTo(StreamState.CLOSED);
    assertThat(streams.activeCount("k")).isZero();
    StreamRecord stored = streams.get("alias");
    assertThat(stored.state()).isEqualTo(StreamState.CLOSED);
    assertThat(stored.closedAt()).isEqualTo(closedAt);
  }

  @Test
  void anEndedStreamSaysItEndedToALaterClose() {
    streams.open(spec("r1"), StreamState.ACTIVE, 5);
    assertThat(streams.get("r1").end(clock.now())).isTrue();

    StreamRecord again = streams.get("r1");
    assertThat(again.close(clock.now())).isFalse();
    assertThat(again.state()).isEqualTo(StreamState.ENDED);
  }

  @Test
  void stoppedStreamsAreKeptUpToTheRetentionAndTheOldestIsForgotten() {
    for (int i = 0; i < RETENTION + 1; i++) {
      streams.open(spec("s" + i), StreamState.ACTIVE, 10);
      streams.get("s" + i).close(clock.now());
    }

    assertThat(streams.get("s0")).isNull();
    for (int i = 1; i <= RETENTION; i++) {
      assertThat(streams.get("s" + i).state()).isEqualTo(StreamState.CLOSED);
    }
  }

  @Test
  void removalForgetsEveryIdAndGivesTheSlotBack() {
    streams.open(spec("r1", "alias"), StreamState.ACTIVE, 1);

    assertThat(streams.remove("alias")).isTrue();
    assertThat(streams.remove("alias")).isFalse();
    assertThat(streams.get("r1")).isNull();
    assertThat(streams.activeCount("k")).isZero();
    streams.open(spec("r2", "alias"), StreamState.ACTIVE, 1);
    assertThat(streams.get("alias").requestId()).isEqualTo("r2");
  }

  @Test
  void seedingATakenIdOrBeyondMaxStreamsConflictsNamingTheField() {
    streams.open(spec("r1", "alias"), StreamState.ACTIVE, 1);

    assertThatThrownBy(() -> streams.open(spec("r1"), StreamState.CLOSED, 5))
        .isInstanceOf(StreamConflictException.class)
        .hasMessage("requestId: 'r1' is already taken by stream 'r1'");
    assertThatThrownBy(() -> streams.open(spec("r2", "alias"), StreamState.CLOSED, 5))
        .isInstanceOf(StreamConflictException.class)
        .hasMessage("dupRequestIds: 'alias' is already taken by stream 'r1'");
    assertThatThrownBy(() -> streams.open(spec("r3"), StreamState.ACTIVE, 1))
        .isInstanceOf(StreamConflictException.class)
        .hasMessage("accessKey: account 'k' already has 1 ACTIVE streams, its maxStreams is 1");
    assertThat(streams.open(spec("r4"), StreamState.CLOSED, 1).state()).isEqualTo(StreamState.CLOSED);
    assertThat(streams.get("r4").state()).isEqualTo(StreamState.CLOSED);
  }

  @Test
  void forcingReplacesTheStreamWithItsRequestIdButNotAnotherStreamsId() {
    streams.open(spec("r1"), StreamState.ACTIVE, 5);
    streams.open(spec("r2", "held"), StreamState.ACTIVE, 5);

    streams.force(spec("r1"), StreamState.ENDED);
    streams.force(spec("r1"), StreamState.ACTIVE);

    assertThat(streams.get("r1").state()).isEqualTo(StreamState.ACTIVE);
    assertThat(streams.activeCount("k")).isEqualTo(2);
    assertThatThrownBy(() -> streams.checkForce(spec("r1", "held")))
        .isInstanceOf(StreamConflictException.class)
        .hasMessage("dupRequestIds: 'held' is already taken by stream 'r2'");
    assertThatThrownBy(() -> streams.force(spec("r1", "held"), StreamState.ACTIVE))
        .isInstanceOf(StreamConflictException.class);
  }

  @Test
  void restoringTheBaselineForgetsEverythingElseAndOpensTheBaselineActive() {
    streams.open(spec("gone"), StreamState.ACTIVE, 5);
    streams.open(spec("base"), StreamState.CLOSED, 5);

    List<StreamRecord> opened = streams.restore(List.of(spec("base", "base-alias")));

    assertThat(opened).extracting(StreamRecord::requestId).containsExactly("base");
    assertThat(streams.get("gone")).isNull();
    assertThat(streams.get("base-alias").state()).isEqualTo(StreamState.ACTIVE);
    assertThat(streams.activeCount("k")).isEqualTo(1);
  }

  @Test
  void listingShowsEachStreamOnceSortedAndFiltered() {
    streams.open(spec("b", "b-alias"), StreamState.ACTIVE, 5);
    streams.open(spec("a"), StreamState.CLOSED, 5);
    streams.open(spec("c"), StreamState.ACTIVE, 5);

    assertThat(streams.list(s -> true)).extracting(StreamRecord::requestId).containsExactly("a", "b", "c");
    assertThat(streams.list(StreamRecord::isActive)).extracting(StreamRecord::requestId).containsExactly("b", "c");
  }

  @Test
  void concurrentClosesThroughSeparateLookupsMakeExactlyOneTransition() throws Exception {
    streams.open(spec("r1", "alias"), StreamState.ACTIVE, 5);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> closes = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String id = t % 2 == 0 ? "r1" : "alias";
        Callable<Boolean> close = () -> {
          StreamRecord stream = streams.get(id);
          start.await();
          return stream.close(clock.now());
        };
        closes.add(pool.submit(close));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> close : closes) {
        won += close.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
      assertThat(streams.activeCount("k")).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentSubmitsNeverOpenMoreThanMaxStreamsNorOneStreamTwice() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<StreamStore.Submitted>> submits = new ArrayList<>();
      for (int t = 0; t < threads * 4; t++) {
        String url = "rtmp://" + (t % 6);
        String id = "s" + t;
        submits.add(pool.submit(() -> {
          start.await();
          return streams.submit(submitted(id, url), 4);
        }));
      }
      start.countDown();
      int opened = 0;
      for (Future<StreamStore.Submitted> submit : submits) {
        opened += submit.get(30, TimeUnit.SECONDS) instanceof StreamStore.Submitted.Opened ? 1 : 0;
      }
      assertThat(opened).isEqualTo(4);
      assertThat(streams.activeCount("k")).isEqualTo(4);
      assertThat(streams.list(StreamRecord::isActive))
          .extracting(s -> s.spec().data().path("url").asText())
          .doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
  }
}
