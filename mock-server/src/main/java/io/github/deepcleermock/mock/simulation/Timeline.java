package io.github.deepcleermock.mock.simulation;

/**
 * What happens to one stream and when: a pure function of its settings, its script and a cursor, in whole seconds
 * since the stream opened. Nothing here reads a clock; {@link Simulation} schedules the events it yields.
 *
 * <p>Rules (DESIGN "Simulation"): frame n is captured at n × detectFrequency and moderated when n is a multiple of
 * detectStep; audio segment k covers [10k, 10k + 10) and is sent when complete, if k is a multiple of
 * audioDetectStep. Media is captured only before the capture ends: a natural end at {@code endAt}, or a pull
 * failure at {@code afterSeconds} (a frame exactly at that second is not captured, a segment ending exactly then
 * is). A pull failure is followed by the vendor's 12 pull retries (waits of 5, 10, … 60 s; none for AGORA, which
 * ends after its 5-minute pull timeout) and then the end. At one second, frames come before segments, segments
 * before pull retries, pull retries before the end.
 */
public final class Timeline {

  /** Seconds of audio in one segment. */
  public static final int SEGMENT_SECONDS = 10;
  /** Pull retries for NORMAL, ZEGO, TRTC and VOLC streams (reference §4.1). */
  public static final int PULL_RETRIES = 12;
  /** The wait before the first pull retry, and how much each later wait grows. */
  public static final int PULL_RETRY_STEP_SECONDS = 5;
  /** AGORA pulls are not retried; the task ends after this pull timeout. */
  public static final int AGORA_PULL_TIMEOUT_SECONDS = 300;

  /** Something that happens to the stream at {@link #at()} seconds. */
  public sealed interface Event {
    long at();
  }

  /** Frame {@code n} captured at {@code at}; {@code moderated} false when detectStep skips it. */
  public record Frame(long n, long at, boolean moderated) implements Event {}

  /** Audio segment {@code k} complete at {@code at} (= 10k + 10); only moderated segments are events. */
  public record Segment(long k, long at) implements Event {}

  /** Pull retry {@code attempt} (1..12) after a pull failure. */
  public record PullRetry(int attempt, long at) implements Event {}

  /** The stream ends on its own: {@code errorCode} is set after a pull failure, null for a natural end. */
  public record End(long at, Integer errorCode) implements Event {}

  /** How far a stream has got: the next frame, segment and pull retry to consider. */
  public record Cursor(long nextFrame, long nextSegment, int nextRetry) {
    public static final Cursor START = new Cursor(0, 0, 0);
  }

  /** An event and the cursor after it. */
  public record Step(Event event, Cursor after) {}

  private final StreamSettings settings;
  private final Script script;
  private final boolean audio;

  private static final Timeline QUIET = new Timeline(StreamSettings.DEFAULT, Script.NONE, false);
  private static final Timeline QUIET_WITH_AUDIO = new Timeline(StreamSettings.DEFAULT, Script.NONE, true);

  /**
   * The timeline of a stream; the commonest ones (default settings, no script) are shared, as a timeline holds no
   * state of its own and a mock may play hundreds of thousands of streams.
   *
   * @param audio whether the stream moderates audio (it has an audioCallback)
   */
  public static Timeline of(StreamSettings settings, Script script, boolean audio) {
    if (script == Script.NONE && settings == StreamSettings.DEFAULT) {
      return audio ? QUIET_WITH_AUDIO : QUIET;
    }
    return new Timeline(settings, script, audio);
  }

  /**
   * @param audio whether the stream moderates audio (it has an audioCallback)
   */
  public Timeline(StreamSettings settings, Script script, boolean audio) {
    this.settings = settings;
    this.script = script;
    this.audio = audio;
  }

  /** Seconds from opening until capture stops (a natural end or a pull failure), or {@code Long.MAX_VALUE}. */
  public long captureEnd() {
    long end = script.endAt() == null ? Long.MAX_VALUE : script.endAt();
    if (script.pullFailure() != null) {
      end = Math.min(end, script.pullFailure().afterSeconds());
    }
    return end;
  }

  /** Whether a single frame is ever captured (false when the pull fails from the start). */
  public boolean pullsAnyFrame() {
    return captureEnd() > 0;
  }

  /** The next event from {@code cursor} on, every frame included, or null when nothing more happens. */
  public Step next(Cursor cursor) {
    return next(cursor, true);
  }

  /**
   * The next event from {@code cursor} on, or null when the stream runs on with nothing more to do.
   *
   * @param everyFrame whether every frame is an event (returnAllImg = 1); otherwise only the frames a script rule
   *     lands on are, since a PASS frame nobody is told of changes nothing — 100 000 quiet streams then cost no
   *     timer events at all, and the frames they captured are counted from the clock ({@link #framesCapturedBy})
   */
  public Step next(Cursor cursor, boolean everyFrame) {
    long captureEnd = captureEnd();
    Step best = null;

    long n = everyFrame ? cursor.nextFrame() : nextScriptedFrame(cursor.nextFrame());
    long frameAt = n == Long.MAX_VALUE ? Long.MAX_VALUE : n * settings.detectFrequency();
    if (frameAt < captureEnd) {
      best = new Step(
          new Frame(n, frameAt, n % settings.detectStep() == 0),
          new Cursor(n + 1, cursor.nextSegment(), cursor.nextRetry()));
    }
    if (audio) {
      long k = cursor.nextSegment();
      long step = settings.audioDetectStep();
      k = ((k + step - 1) / step) * step;
      long segmentAt = k * SEGMENT_SECONDS + SEGMENT_SECONDS;
      if (segmentAt <= captureEnd && (best == null || segmentAt < best.event().at())) {
        best = new Step(new Segment(k, segmentAt), new Cursor(cursor.nextFrame(), k + 1, cursor.nextRetry()));
      }
    }
    Step ending = ending(cursor);
    if (ending != null && (best == null || ending.event().at() < best.event().at())) {
      best = ending;
    }
    return best;
  }

  private Step ending(Cursor cursor) {
    Script.PullFailure failure = script.pullFailure();
    boolean failsFirst =
        failure != null && (script.endAt() == null || failure.afterSeconds() < script.endAt());
    if (failsFirst) {
      long start = failure.afterSeconds();
      if (settings.agora()) {
        return new Step(new End(start + AGORA_PULL_TIMEOUT_SECONDS, failure.errorCode()), cursor);
      }
      if (cursor.nextRetry() < PULL_RETRIES) {
        int attempt = cursor.nextRetry() + 1;
        return new Step(
            new PullRetry(attempt, start + waitedBeforeRetry(attempt)),
            new Cursor(cursor.nextFrame(), cursor.nextSegment(), attempt));
      }
      return new Step(new End(start + waitedBeforeRetry(PULL_RETRIES), failure.errorCode()), cursor);
    }
    if (script.endAt() != null) {
      return new Step(new End(script.endAt(), null), cursor);
    }
    return null;
  }

  /** Seconds from the pull failure to retry {@code attempt}: 5 + 10 + … + 5 × attempt. */
  static long waitedBeforeRetry(int attempt) {
    return (long) PULL_RETRY_STEP_SECONDS * attempt * (attempt + 1) / 2;
  }

  /**
   * The first frame from {@code from} on that a script rule lands on (the first moderated frame captured at or
   * after the rule's second), or {@code Long.MAX_VALUE}.
   */
  private long nextScriptedFrame(long from) {
    long step = settings.detectStep();
    long frequency = settings.detectFrequency();
    long first = Long.MAX_VALUE;
    for (Script.FrameRule rule : script.frames()) {
      long captured = (rule.at() + frequency - 1) / frequency;
      long moderated = (captured + step - 1) / step * step;
      if (moderated >= from && moderated < first) {
        first = moderated;
      }
    }
    return first;
  }

  /**
   * How many frames were captured by {@code elapsedNanos} since opening: frame n at n × detectFrequency, none at or
   * after the capture's end. A frame due at that very instant counts (as when the clock's due events have run),
   * except at the opening instant itself, when nothing has been pulled yet.
   */
  public long framesCapturedBy(long elapsedNanos) {
    long captureEnd = captureEnd();
    if (captureEnd <= 0 || elapsedNanos <= 0) {
      return 0;
    }
    long frequency = settings.detectFrequency();
    long byTime = elapsedNanos / (frequency * 1_000_000_000L) + 1;
    long byEnd = captureEnd == Long.MAX_VALUE ? Long.MAX_VALUE : (captureEnd - 1) / frequency + 1;
    return Math.min(byTime, byEnd);
  }

  /** The first frame captured at or after {@code elapsedNanos} since opening. */
  public long frameAtOrAfter(long elapsedNanos) {
    long frameNanos = settings.detectFrequency() * 1_000_000_000L;
    return (Math.max(0, elapsedNanos) + frameNanos - 1) / frameNanos;
  }

  /** The verdict of frame {@code n}: PASS when skipped, else the worst script rule in its window. */
  public Verdict frameVerdict(long n) {
    if (n % settings.detectStep() != 0) {
      return Verdict.PASS;
    }
    long at = n * settings.detectFrequency();
    long previous = n >= settings.detectStep() ? (n - settings.detectStep()) * settings.detectFrequency() : -1;
    Verdict result = Verdict.PASS;
    for (Script.FrameRule rule : script.frames()) {
      if (rule.at() > previous && rule.at() <= at) {
        result = worse(result, rule.verdict());
      }
    }
    return result;
  }

  /** The verdict of moderated segment {@code k}: the worst script rule since the previous moderated segment. */
  public Verdict segmentVerdict(long k) {
    long previous = k - settings.audioDetectStep();
    Verdict result = Verdict.PASS;
    for (Script.SegmentRule rule : script.audio()) {
      if (rule.segment() > previous && rule.segment() <= k) {
        result = worse(result, rule.verdict());
      }
    }
    return result;
  }

  private static Verdict worse(Verdict current, Verdict candidate) {
    // Ties go to the later rule, so a PASS rule's own labels and transcript are used.
    return candidate.riskLevel().ordinal() >= current.riskLevel().ordinal() ? candidate : current;
  }
}
