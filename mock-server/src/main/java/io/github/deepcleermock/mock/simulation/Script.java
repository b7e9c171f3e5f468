package io.github.deepcleermock.mock.simulation;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the simulated service finds in a stream: verdicts for frames and audio segments, an optional natural end and
 * an optional pull failure. Anything the script does not name passes.
 *
 * @param frames verdicts by capture time: each applies to the first moderated frame captured at or after {@code at}
 * @param audio verdicts by segment number: each applies to the first moderated segment numbered {@code segment} or
 *     later
 * @param endAt the stream ends on its own after this many seconds, or null (it runs until closed)
 * @param pullFailure the pull breaks and the stream ends after the vendor's pull retries, or null
 */
public record Script(List<FrameRule> frames, List<SegmentRule> audio, Long endAt, PullFailure pullFailure) {

  /** No verdicts other than PASS, no end: the stream runs until it is closed. */
  public static final Script NONE = new Script(List.of(), List.of(), null, null);

  public Script {
    frames = frames == null ? List.of() : frames.stream().sorted(Comparator.comparingLong(FrameRule::at)).toList();
    audio =
        audio == null ? List.of() : audio.stream().sorted(Comparator.comparingLong(SegmentRule::segment)).toList();
    if (endAt != null && endAt < 1) {
      throw new IllegalArgumentException("endAt: must be at least 1 second, was " + endAt);
    }
  }

  /** This script with frame {@code at} seconds found {@code level} (default labels). */
  public Script withFrame(long at, RiskLevel level) {
    return plus(new Script(
        List.of(new FrameRule(at, Verdict.of(level, null, null, null, null, null))), List.of(), null, null));
  }

  /** This script with audio segment {@code segment} found {@code level}, its transcript {@code text}. */
  public Script withSegment(long segment, RiskLevel level, String text) {
    return plus(new Script(
        List.of(), List.of(new SegmentRule(segment, Verdict.of(level, null, null, null, null, text))), null, null));
  }

  /** This script with a natural end after {@code seconds}. */
  public Script withEndAt(long seconds) {
    return plus(new Script(List.of(), List.of(), seconds, null));
  }

  /** This script with a pull failure {@code errorCode} after {@code afterSeconds} of good pulling. */
  public Script withPullFailure(int errorCode, long afterSeconds) {
    return plus(new Script(List.of(), List.of(), null, new PullFailure(errorCode, afterSeconds)));
  }

  /** This script with {@code other}'s rules added and {@code other}'s end and pull failure where it has them. */
  public Script plus(Script other) {
    List<FrameRule> allFrames = new java.util.ArrayList<>(frames);
    allFrames.addAll(other.frames);
    List<SegmentRule> allAudio = new java.util.ArrayList<>(audio);
    allAudio.addAll(other.audio);
    return new Script(
        allFrames,
        allAudio,
        other.endAt != null ? other.endAt : endAt,
        other.pullFailure != null ? other.pullFailure : pullFailure);
  }

  /**
   * A frame verdict.
   *
   * @param at seconds since the stream opened
   * @param verdict what the frame is found to be
   */
  public record FrameRule(long at, Verdict verdict) {
    public FrameRule {
      if (at < 0) {
        throw new IllegalArgumentException("at: must not be negative, was " + at);
      }
      Objects.requireNonNull(verdict, "verdict");
    }
  }

  /**
   * An audio segment verdict.
   *
   * @param segment the segment number: segment k covers seconds [10k, 10k + 10)
   * @param verdict what the segment is found to be, with its transcript
   */
  public record SegmentRule(long segment, Verdict verdict) {
    public SegmentRule {
      if (segment < 0) {
        throw new IllegalArgumentException("segment: must not be negative, was " + segment);
      }
      Objects.requireNonNull(verdict, "verdict");
    }
  }

  /**
   * The stream cannot be pulled from {@code afterSeconds} on; after the vendor's pull retries it ends with
   * {@code errorCode}.
   *
   * @param errorCode 3001..3005 (reference §4.5)
   * @param afterSeconds seconds of good pulling before the failure (0: not a single frame is captured)
   */
  public record PullFailure(int errorCode, long afterSeconds) {
    public PullFailure {
      if (errorCode < 3001 || errorCode > 3005) {
        throw new IllegalArgumentException("errorCode: must be 3001..3005, was " + errorCode);
      }
      if (afterSeconds < 0) {
        throw new IllegalArgumentException("afterSeconds: must not be negative, was " + afterSeconds);
      }
    }
  }
}
