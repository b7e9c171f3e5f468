package io.github.deepcleermock.mock.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.streams.StreamSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure timeline: event times and order, with no clock involved. */
class TimelineTest {

  private static List<Timeline.Event> events(Timeline timeline, int max) {
    List<Timeline.Event> events = new ArrayList<>();
    Timeline.Cursor cursor = Timeline.Cursor.START;
    for (int i = 0; i < max; i++) {
      Timeline.Step step = timeline.next(cursor);
      if (step == null) {
        break;
      }
      events.add(step.event());
      if (step.event() instanceof Timeline.End) {
        break;
      }
      cursor = step.after();
    }
    return events;
  }

  private static StreamSettings settings(int frequency, int audioStep) {
    return new StreamSettings(frequency, 1, false, audioStep, 0, 0, 0, 0, false);
  }

  @Test
  void quietFramesAreNoEventsOnlyTheFramesScriptRulesLandOnAreAndCapturedFramesAreCountedFromTheClock() {
    Verdict reject = Verdict.of(RiskLevel.REJECT, null, null, null, null, null);
    Timeline timeline = new Timeline(settings(3, 1),
        new Script(List.of(new Script.FrameRule(31, reject), new Script.FrameRule(7, reject)), List.of(), 60L, null),
        false);

    Timeline.Step first = timeline.next(Timeline.Cursor.START, false);
    Timeline.Step second = timeline.next(first.after(), false);
    Timeline.Step last = timeline.next(second.after(), false);

    assertThat(first.event()).isEqualTo(new Timeline.Frame(3, 9, true));
    assertThat(timeline.frameVerdict(3).riskLevel()).isEqualTo(RiskLevel.REJECT);
    assertThat(second.event()).isEqualTo(new Timeline.Frame(11, 33, true));
    assertThat(last.event()).isEqualTo(new Timeline.End(60, null));
    long oneSecond = 1_000_000_000L;
    assertThat(timeline.framesCapturedBy(0)).isZero();
    assertThat(timeline.framesCapturedBy(1)).isEqualTo(1);
    assertThat(timeline.framesCapturedBy(33 * oneSecond - 1)).as("frames 0..10").isEqualTo(11);
    assertThat(timeline.framesCapturedBy(33 * oneSecond)).as("frame 11 is due at 33 s").isEqualTo(12);
    assertThat(timeline.framesCapturedBy(600 * oneSecond)).as("none at or after the end").isEqualTo(20);
  }

  @Test
  void framesAndSegmentsInterleaveUntilTheNaturalEndWhichComesLast() {
    Timeline timeline = new Timeline(settings(5, 1), new Script(List.of(), List.of(), 20L, null), true);

    assertThat(events(timeline, 100)).containsExactly(
        new Timeline.Frame(0, 0, true), new Timeline.Frame(1, 5, true),
        new Timeline.Frame(2, 10, true), new Timeline.Segment(0, 10),
        new Timeline.Frame(3, 15, true), new Timeline.Segment(1, 20), new Timeline.End(20, null));
  }

  @Test
  void aPullFailureIsFollowedByTwelveRetriesWaitingFiveToSixtySeconds() {
    Timeline timeline =
        new Timeline(settings(60, 1), new Script(List.of(), List.of(), null, new Script.PullFailure(3001, 0)), false);

    List<Timeline.Event> events = events(timeline, 100);

    assertThat(events).hasSize(13);
    assertThat(events.subList(0, 12)).extracting(Timeline.Event::at)
        .containsExactly(5L, 15L, 30L, 50L, 75L, 105L, 140L, 180L, 225L, 275L, 330L, 390L);
    assertThat(events.get(12)).isEqualTo(new Timeline.End(390, 3001));
    assertThat(timeline.pullsAnyFrame()).isFalse();
  }

  @Test
  void anEndBeforeThePullFailureWins() {
    Timeline timeline = new Timeline(
        settings(60, 1), new Script(List.of(), List.of(), 30L, new Script.PullFailure(3002, 40)), false);

    assertThat(events(timeline, 100)).containsExactly(new Timeline.Frame(0, 0, true), new Timeline.End(30, null));
  }

  @Test
  void audioDetectStepSkipsSegments() {
    Timeline timeline = new Timeline(settings(60, 3), new Script(List.of(), List.of(), 70L, null), true);

    assertThat(events(timeline, 100)).filteredOn(e -> e instanceof Timeline.Segment)
        .containsExactly(new Timeline.Segment(0, 10), new Timeline.Segment(3, 40), new Timeline.Segment(6, 70));
  }

  @Test
  void theWorstRuleInAFramesWindowGivesItsVerdict() {
    Script script = new Script(List.of(
        new Script.FrameRule(4, Verdict.of(RiskLevel.REJECT, null, null, null, null, null)),
        new Script.FrameRule(5, Verdict.of(RiskLevel.REVIEW, null, null, null, null, null))), List.of(), null, null);
    Timeline timeline = new Timeline(settings(3, 1), script, false);

    assertThat(timeline.frameVerdict(1).riskLevel()).isEqualTo(RiskLevel.PASS);
    assertThat(timeline.frameVerdict(2).riskLevel()).isEqualTo(RiskLevel.REJECT);
    assertThat(timeline.frameVerdict(3).riskLevel()).isEqualTo(RiskLevel.PASS);
  }

  @Test
  void urlWordsCombineAndBadValuesNameTheWordNotTheValue() {
    Script script = UrlWords.parse("rtmp://x/live/mock-reject-at-30/mock-end-at-60?k=mock-review-at-5");

    assertThat(script.frames()).extracting(Script.FrameRule::at).containsExactly(5L, 30L);
    assertThat(script.endAt()).isEqualTo(60L);
    assertThat(UrlWords.parse("rtmp://x/live/room-1")).isNull();
    assertThatThrownBy(() -> UrlWords.parse("rtmp://x/mock-pull-fail-3009"))
        .hasMessage("data.url: mock-pull-fail-<code>: the pull failure code must be 3001..3005");
    assertThatThrownBy(() -> UrlWords.parse("rtmp://x/mock-end-at-0")).hasMessageStartingWith("data.url:");
  }

  @Test
  void detectFrequencyRoundsDownAndIsLimitedToSixtySeconds() {
    assertThat(settingsOf("{\"detectFrequency\":0.4}").detectFrequency()).isEqualTo(1);
    assertThat(settingsOf("{\"detectFrequency\":7.9}").detectFrequency()).isEqualTo(7);
    assertThat(settingsOf("{}").detectFrequency()).isEqualTo(3);
    assertThatThrownBy(() -> settingsOf("{\"detectFrequency\":61}"))
        .hasMessageStartingWith("data.detectFrequency:");
    assertThatThrownBy(() -> settingsOf("{\"audioDetectStep\":37}"))
        .hasMessageStartingWith("data.audioDetectStep:");
  }

  private static StreamSettings settingsOf(String data) {
    try {
      return StreamSettings.of(
          new StreamSpec("r", "k", null, null, null, 0, (ObjectNode) new ObjectMapper().readTree(data)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
