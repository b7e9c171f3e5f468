package io.github.deepcleermock.mock.simulation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.deepcleermock.mock.callbacks.CallbackDispatcher;
import io.github.deepcleermock.mock.callbacks.CallbackKind;
import io.github.deepcleermock.mock.callbacks.EndOfStream;
import io.github.deepcleermock.mock.close.StreamClosedListener;
import io.github.deepcleermock.mock.store.StoreUnavailableException;
import io.github.deepcleermock.mock.streams.StreamOpenedListener;
import io.github.deepcleermock.mock.streams.StreamRecord;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.streams.StreamStore;
import io.github.deepcleermock.mock.time.TimeSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Plays out every ACTIVE stream on the mock's clock: captures frames and audio segments as its {@link Timeline}
 * says, sends result callbacks by the returnAllImg / returnAllText rules, ends it naturally or after a pull failure,
 * and on any end sends one end callback per moderated medium with that medium's worst verdict (U7).
 *
 * <p>Threads and time: one {@link TimeSource} scheduler for all streams; each stream has at most one scheduled
 * task, its next event, and schedules the following one when it runs — no thread per stream or per callback.
 * Callbacks are handed to the {@link CallbackDispatcher}, which never blocks. Each stream's state is guarded by
 * its {@link Run}'s monitor: an event and an end of the same stream never interleave, so once a stream has ended
 * no result callback of it is sent (U16).
 */
public final class Simulation implements StreamOpenedListener, StreamClosedListener {

  /** Ends a stream the way the service would; the mock routes it through its one end path. */
  @FunctionalInterface
  public interface StreamEnder {
    /** Ends the ACTIVE stream {@code requestId}; fails if it is not ACTIVE any more. */
    void end(String requestId, EndOfStream end);
  }

  /** What a stream's simulation has done so far. */
  public record Progress(
      Script script,
      long framesCaptured,
      long segmentsModerated,
      long resultCallbacks,
      RiskLevel imageRiskLevel,
      RiskLevel audioRiskLevel,
      boolean running) {}

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final TimeSource time;
  private final StreamStore streams;
  private final CallbackDispatcher callbacks;
  private final Scenarios scenarios;
  private final boolean magicValues;
  private final Supplier<String> baseUrl;
  private volatile StreamEnder ender = (id, end) -> {};
  /**
   * Runs waiting for a timer, so that a reset can cancel them. Each run itself hangs on its stream record (it lives
   * as long as the stream is known); quiet runs, which wait for nothing, are not here at all.
   */
  private final Set<Run> scheduled = ConcurrentHashMap.newKeySet();

  /**
   * @param time the simulation's clock (scaled by {@code --time-scale} in standalone runs)
   * @param baseUrl the mock's base URL, for the media links in callbacks
   */
  public Simulation(
      TimeSource time,
      StreamStore streams,
      CallbackDispatcher callbacks,
      Scenarios scenarios,
      boolean magicValues,
      Supplier<String> baseUrl) {
    this.time = time;
    this.streams = streams;
    this.callbacks = callbacks;
    this.scenarios = scenarios;
    this.magicValues = magicValues;
    this.baseUrl = baseUrl;
  }

  /** Where natural ends and pull failures end streams (set once while the mock is wired). */
  public void endVia(StreamEnder ender) {
    this.ender = ender;
  }

  /**
   * Fails as opening would for a stream whose settings or URL words are invalid, so seeding can refuse it.
   *
   * @throws IllegalArgumentException naming the data field
   */
  public void check(StreamSpec spec) {
    ObjectNode data = spec.data();
    StreamSettings.of(data);
    urlScript(data);
  }

  @Override
  public void streamOpened(StreamRecord stream) {
    if (stream.state() == StreamState.ACTIVE) {
      streamOpened(stream, stream.spec().data());
    }
  }

  @Override
  public void streamOpened(StreamRecord stream, ObjectNode data) {
    if (stream.state() != StreamState.ACTIVE) {
      return;
    }
    StreamSpec spec = stream.spec();
    StreamSettings settings;
    Script script;
    try {
      settings = StreamSettings.of(data);
      script = scenarios.scriptFor(spec, data).orElseGet(() -> {
        Script words = urlScript(data);
        return words == null ? Script.NONE : words;
      });
    } catch (IllegalArgumentException e) {
      // Openers check first (see check); a stream that slips through runs with the defaults rather than failing.
      settings = StreamSettings.DEFAULT;
      script = Script.NONE;
    }
    Run run = new Run(spec, settings, script, time.nanoTime());
    if (stream.isShared() && script != Script.NONE) {
      keepScript(stream, script);
    }
    if (stream.swapSimulation(run) instanceof Run previous) {
      stop(previous);
    }
    synchronized (run) {
      scheduleNext(stream, run);
    }
  }

  /** Keeps the script in the shared store, so that another instance ending the stream reports what it saw. */
  private void keepScript(StreamRecord stream, Script script) {
    try {
      streams.keepScript(stream, ScriptJson.write(script).toString());
    } catch (StoreUnavailableException e) {
      // The stream still plays here; only an end made by another instance would miss the script's verdicts.
    }
  }

  /** Stops the simulation of a stream another instance stopped (its end callbacks are that instance's). */
  public void drop(StreamRecord stream) {
    if (stream.swapSimulation(null) instanceof Run run) {
      stop(run);
    }
  }

  /** The run of {@code stream}, or null (not simulated here, or dropped). */
  private static Run runOf(StreamRecord stream) {
    return stream.simulation() instanceof Run run ? run : null;
  }

  /** Stops a run and forgets its timer. */
  private void stop(Run run) {
    synchronized (run) {
      run.stop();
      scheduled.remove(run);
    }
  }

  private Script urlScript(ObjectNode data) {
    if (!magicValues) {
      return null;
    }
    var type = data.get("streamType");
    if (type != null && !"NORMAL".equals(type.asText())) {
      return null;
    }
    var url = data.get("url");
    return url == null || !url.isTextual() ? null : UrlWords.parse(url.textValue());
  }

  /** A client close: the simulation stops and the end callbacks carry what it saw. */
  @Override
  public void streamClosed(StreamRecord stream) {
    EndOfStream end = ended(stream, EndOfStream.CLOSED_BY_CLIENT);
    if (stream.spec().returnFinishInfo() == 1) {
      callbacks.streamEnded(stream, end);
    }
  }

  /**
   * Stops the stream's simulation (it has just left ACTIVE) and completes {@code end} with what it saw: the worst
   * verdict per medium, whether any frame was pulled, the seconds moderated.
   */
  public EndOfStream ended(StreamRecord stream, EndOfStream end) {
    Run run = runOf(stream);
    if (run == null && stream.isShared()) {
      run = replayed(stream);
    }
    if (run == null) {
      return end;
    }
    synchronized (run) {
      stop(run);
      long elapsed = Math.max(0, time.nanoTime() - run.originNanos) / NANOS_PER_SECOND;
      run.endedAtNanos = Math.max(0, time.nanoTime() - run.originNanos);
      long seconds = Math.min(elapsed, run.timeline.captureEnd());
      return end.completedWith(
          run.worstImage.name(), run.worstAudio.name(), run.timeline.pullsAnyFrame(), seconds);
    }
  }

  /**
   * The simulation of a stream another instance opened, played silently from its opening to now: settings, script
   * and clock decide everything, so this instance reports at its end what the opener saw.
   */
  private Run replayed(StreamRecord stream) {
    StreamSpec spec = stream.spec();
    StreamSettings settings;
    Script script;
    try {
      settings = StreamSettings.of(spec.data());
    } catch (IllegalArgumentException e) {
      settings = StreamSettings.DEFAULT;
    }
    try {
      String kept = streams.keptScript(stream);
      script = kept == null ? Script.NONE : ScriptJson.script("script", parse(kept));
    } catch (IllegalArgumentException | StoreUnavailableException e) {
      // The transition is made and must be answered as made: without the script the end reports what the
      // settings alone would have given, rather than a 1903 for a close that happened.
      script = Script.NONE;
    }
    long age = Math.max(0, java.time.Duration.between(stream.openedAt(), time.now()).toNanos());
    Run run = new Run(spec, settings, script, time.nanoTime() - age);
    synchronized (run) {
      boolean everyFrame = spec.imgCallback() != null && settings.returnAllImg() == 1;
      long now = time.nanoTime();
      for (Timeline.Step step = run.timeline.next(run.cursor, everyFrame);
          step != null && run.originNanos + step.event().at() * NANOS_PER_SECOND <= now;
          step = run.timeline.next(run.cursor, everyFrame)) {
        run.cursor = step.after();
        if (step.event() instanceof Timeline.Frame frame) {
          Verdict verdict = frame.moderated() ? run.timeline.frameVerdict(frame.n()) : Verdict.PASS;
          run.worstImage = run.worstImage.worst(verdict.riskLevel());
        } else if (step.event() instanceof Timeline.Segment segment) {
          run.worstAudio = run.worstAudio.worst(run.timeline.segmentVerdict(segment.k()).riskLevel());
        } else if (step.event() instanceof Timeline.End) {
          break;
        }
      }
    }
    return run;
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("script: the kept script is not JSON", e);
    }
  }

  /**
   * Replaces the script of a running stream from now on: what already happened stays, the next events follow the
   * new script (an end it sets in the past happens at once).
   *
   * @throws NoSuchElementException when no stream has this id
   * @throws IllegalStateException when the stream is not ACTIVE
   */
  public void replaceScript(String id, Script script) {
    StreamRecord stream =
        streams.find(id).orElseThrow(() -> new NoSuchElementException("requestId: no such resource '" + id + "'"));
    Run run = runOf(stream);
    if (stream.state() == StreamState.ACTIVE && run == null && stream.isShared()) {
      throw new IllegalStateException(
          "stream '" + stream.requestId() + "' is simulated by the instance that opened it; replace its script there");
    }
    if (stream.state() != StreamState.ACTIVE || run == null) {
      throw new IllegalStateException("stream '" + stream.requestId() + "' is not ACTIVE; its script is final");
    }
    synchronized (run) {
      if (run.stopped) {
        throw new IllegalStateException("stream '" + stream.requestId() + "' is not ACTIVE; its script is final");
      }
      run.cancelPending();
      scheduled.remove(run);
      run.use(script);
      if (stream.isShared()) {
        keepScript(stream, script);
      }
      // Frames before now were captured under the old script, even those no event stood for.
      Timeline.Cursor at = run.cursor;
      long now = run.timeline.frameAtOrAfter(time.nanoTime() - run.originNanos);
      if (now > at.nextFrame()) {
        run.cursor = new Timeline.Cursor(now, at.nextSegment(), at.nextRetry());
      }
      scheduleNext(stream, run);
    }
  }

  /** What the simulation of stream {@code id} did so far, if it has one. */
  public Optional<Progress> progress(String id) {
    return streams.find(id).map(Simulation::runOf).map(run -> run.progress(time.nanoTime()));
  }

  /** The verdict of frame {@code n} of stream {@code id} (for its picture), if the stream is simulated. */
  public Optional<Verdict> frameVerdict(String id, long n) {
    return streams.find(id).map(Simulation::runOf).map(run -> {
      synchronized (run) {
        return run.timeline.frameVerdict(n);
      }
    });
  }

  /** The verdict of segment {@code k} of stream {@code id} (for its sound), if the stream is simulated. */
  public Optional<Verdict> segmentVerdict(String id, long k) {
    return streams.find(id).map(Simulation::runOf).map(run -> {
      synchronized (run) {
        return run.timeline.segmentVerdict(k);
      }
    });
  }

  /** Stops every simulation (the baseline's streams are opened again by the caller). */
  public void reset() {
    for (Run run : List.copyOf(scheduled)) {
      stop(run);
    }
  }

  /** Schedules the stream's next event, if any. Holds the run's monitor. */
  private void scheduleNext(StreamRecord stream, Run run) {
    boolean everyFrame = run.spec.imgCallback() != null && run.settings.returnAllImg() == 1;
    Timeline.Step step = run.timeline.next(run.cursor, everyFrame);
    if (step == null) {
      scheduled.remove(run);
      return;
    }
    long due = run.originNanos + step.event().at() * NANOS_PER_SECOND;
    run.pending = time.schedule(due - time.nanoTime(), () -> fire(stream, run, step));
    scheduled.add(run);
  }

  private void fire(StreamRecord stream, Run run, Timeline.Step step) {
    synchronized (run) {
      if (run.stopped) {
        return;
      }
      // The index first: a shared store answers with the stream's state in the group (another instance may have
      // closed it), and only then the state, so nothing is sent for a stream stopped anywhere.
      StreamRecord indexed;
      try {
        indexed = streams.get(stream.requestId());
      } catch (StoreUnavailableException e) {
        // Whether the stream still runs cannot be known: this event is skipped rather than risk one after an end.
        run.cursor = step.after();
        scheduleNext(stream, run);
        return;
      }
      if (indexed != stream || stream.state() != StreamState.ACTIVE) {
        stop(run);
        return;
      }
      run.pending = null;
      run.cursor = step.after();
      Timeline.Event event = step.event();
      if (event instanceof Timeline.Frame frame) {
        frame(run, frame);
      } else if (event instanceof Timeline.Segment segment) {
        segment(run, segment);
      } else if (event instanceof Timeline.PullRetry retry) {
        run.pullRetries = retry.attempt();
      } else if (event instanceof Timeline.End end) {
        // The end path stops this run (re-entering this monitor on this thread) and sends the end callbacks.
        try {
          ender.end(stream.requestId(), new EndOfStream(end.errorCode(), null, null, null, null));
        } catch (RuntimeException closedMeanwhile) {
          stop(run);
        }
        return;
      }
      scheduleNext(stream, run);
    }
  }

  private void frame(Run run, Timeline.Frame frame) {
    Verdict verdict = frame.moderated() ? run.timeline.frameVerdict(frame.n()) : Verdict.PASS;
    run.framesCaptured = frame.n() + 1;
    run.worstImage = run.worstImage.worst(verdict.riskLevel());
    StreamSpec spec = run.spec;
    if (spec.imgCallback() == null
        || (verdict.riskLevel() == RiskLevel.PASS && run.settings.returnAllImg() == 0)) {
      return;
    }
    Instant now = time.now();
    String url = media(spec, "/frames/" + frame.n() + ".png");
    callbacks.send(spec.requestId(), CallbackKind.FRAME_RESULT, 1, spec.imgCallback(),
        ResultPayloads.frame(spec, run.settings, frame.n(), frame.moderated(), verdict, now, url));
    run.resultCallbacks++;
  }

  private void segment(Run run, Timeline.Segment segment) {
    Verdict verdict = run.timeline.segmentVerdict(segment.k());
    run.segmentsModerated++;
    run.worstAudio = run.worstAudio.worst(verdict.riskLevel());
    String previousText = run.lastText;
    run.lastText = verdict.text();
    StreamSpec spec = run.spec;
    if (spec.audioCallback() == null
        || (verdict.riskLevel() == RiskLevel.PASS && run.settings.returnAllText() == 0)) {
      return;
    }
    Instant now = time.now();
    String url = media(spec, "/segments/" + segment.k() + ".wav");
    callbacks.send(spec.requestId(), CallbackKind.AUDIO_RESULT, 2, spec.audioCallback(),
        ResultPayloads.segment(spec, run.settings, segment.k(), verdict, previousText, now, url,
            url + "?withPrevious=true"));
    run.resultCallbacks++;
  }

  private String media(StreamSpec spec, String tail) {
    return baseUrl.get() + "/__media/streams/" + URLEncoder.encode(spec.requestId(), StandardCharsets.UTF_8)
        .replace("+", "%20") + tail;
  }

  /** One stream's simulation. Every field is guarded by this object's monitor. */
  private static final class Run {
    final StreamSpec spec;
    final StreamSettings settings;
    final long originNanos;
    Script script;
    Timeline timeline;
    Timeline.Cursor cursor = Timeline.Cursor.START;
    TimeSource.Cancellable pending;
    boolean stopped;
    RiskLevel worstImage = RiskLevel.PASS;
    RiskLevel worstAudio = RiskLevel.PASS;
    long framesCaptured;
    /** Nanoseconds since opening when the stream ended, or -1 while it runs. */
    long endedAtNanos = -1;
    long segmentsModerated;
    long resultCallbacks;
    int pullRetries;
    String lastText = "";

    Run(StreamSpec spec, StreamSettings settings, Script script, long originNanos) {
      this.spec = spec;
      this.settings = settings;
      this.originNanos = originNanos;
      use(script);
    }

    void use(Script newScript) {
      script = newScript;
      timeline = Timeline.of(settings, newScript, spec.moderatesAudio());
    }

    void cancelPending() {
      if (pending != null) {
        pending.cancel();
        pending = null;
      }
    }

    synchronized void stop() {
      stopped = true;
      cancelPending();
    }

    synchronized Progress progress(long nowNanos) {
      long elapsed = endedAtNanos >= 0 ? endedAtNanos : Math.max(0, nowNanos - originNanos);
      long frames = Math.max(framesCaptured, timeline.framesCapturedBy(elapsed));
      return new Progress(
          script, frames, segmentsModerated, resultCallbacks, worstImage, worstAudio, !stopped);
    }
  }
}
