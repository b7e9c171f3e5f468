package io.github.deepcleermock.mock.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MockClockTest {

  @Test
  void timeStandsStillUntilAdvancedAndTickerAndWallClockMoveTogether() {
    MockClock clock = new MockClock(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(clock.nanoTime()).isZero();
    clock.advance(Duration.ofMillis(1500));
    assertThat(clock.nanoTime()).isEqualTo(1_500_000_000L);
    assertThat(clock.now()).isEqualTo(Instant.parse("2026-01-01T00:00:01.500Z"));
  }

  @Test
  void advancingRunsDueTasksInDueOrderEachAtItsOwnTime() {
    MockClock clock = new MockClock();
    List<String> ran = new ArrayList<>();
    clock.schedule(Duration.ofSeconds(3).toNanos(), () -> ran.add("3s@" + clock.nanoTime()));
    clock.schedule(Duration.ofSeconds(1).toNanos(), () -> ran.add("1s@" + clock.nanoTime()));
    clock.schedule(Duration.ofSeconds(10).toNanos(), () -> ran.add("10s"));

    clock.advance(Duration.ofSeconds(5));

    assertThat(ran).containsExactly("1s@1000000000", "3s@3000000000");
    assertThat(clock.pendingTasks()).isEqualTo(1);
    assertThat(clock.pendingDelays()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void aTaskScheduledByATaskRunsInTheSameAdvanceWhenItFallsInsideTheWindow() {
    MockClock clock = new MockClock();
    List<Long> ran = new ArrayList<>();
    clock.schedule(
        1_000,
        () -> {
          ran.add(clock.nanoTime());
          clock.schedule(1_000, () -> ran.add(clock.nanoTime()));
        });
    clock.advance(Duration.ofNanos(5_000));
    assertThat(ran).containsExactly(1_000L, 2_000L);
    assertThat(clock.nanoTime()).isEqualTo(5_000);
  }

  @Test
  void aCancelledTaskNeverRuns() {
    MockClock clock = new MockClock();
    List<String> ran = new ArrayList<>();
    TimeSource.Cancellable handle = clock.schedule(10, () -> ran.add("x"));
    handle.cancel();
    clock.advance(Duration.ofSeconds(1));
    assertThat(ran).isEmpty();
    assertThat(clock.pendingTasks()).isZero();
  }

  @Test
  void timeNeverMovesBackwards() {
    assertThatThrownBy(() -> new MockClock().advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
