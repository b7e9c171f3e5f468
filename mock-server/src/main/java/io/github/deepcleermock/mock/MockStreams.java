package io.github.deepcleermock.mock;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.accounts.Accounts;
import io.github.deepcleermock.mock.callbacks.CallbackDispatcher;
import io.github.deepcleermock.mock.callbacks.EndOfStream;
import io.github.deepcleermock.mock.close.ClosePipeline;
import io.github.deepcleermock.mock.simulation.Script;
import io.github.deepcleermock.mock.simulation.Simulation;
import io.github.deepcleermock.mock.streams.StreamConflictException;
import io.github.deepcleermock.mock.streams.StreamRecord;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.streams.StreamStore;
import io.github.deepcleermock.mock.time.TimeSource;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Seeding, reading and ending streams with the rules that span features: the owner must be a registered account,
 * {@code maxStreams} bounds seeded ACTIVE streams (never 1904), ids starting with {@code mock-} are reserved while
 * magic values are on, and ending a stream sends the end callback the way the service would.
 */
public final class MockStreams {

  private final StreamStore streams;
  private final Accounts accounts;
  private final CallbackDispatcher callbacks;
  private final TimeSource time;
  private final boolean magicValues;
  private final Simulation simulation;

  MockStreams(
      StreamStore streams,
      Accounts accounts,
      CallbackDispatcher callbacks,
      TimeSource time,
      boolean magicValues,
      Simulation simulation) {
    this.streams = streams;
    this.accounts = accounts;
    this.callbacks = callbacks;
    this.time = time;
    this.magicValues = magicValues;
    this.simulation = simulation;
  }

  /** Seeds an ACTIVE stream. */
  public StreamRecord open(StreamSpec spec) {
    return open(spec, StreamState.ACTIVE);
  }

  /**
   * Seeds a stream in {@code state}.
   *
   * @throws IllegalArgumentException when the account is unknown or an id is reserved
   * @throws StreamConflictException when an id is taken or the account's maxStreams is reached
   */
  public StreamRecord open(StreamSpec spec, StreamState state) {
    Account owner = requireAccount(spec);
    simulation.check(spec);
    StreamRecord stream = streams.open(spec, state, owner.maxStreams());
    opened(stream);
    return stream;
  }

  /** Puts a stream in {@code state} whatever held its ids (provider states force what they name). */
  public StreamRecord force(StreamSpec spec, StreamState state) {
    requireAccount(spec);
    simulation.check(spec);
    StreamRecord stream = streams.force(spec, state);
    opened(stream);
    return stream;
  }

  /** Starts the simulation of every ACTIVE stream (after the baseline was restored). */
  void openedBaseline(List<StreamRecord> baseline) {
    baseline.forEach(this::opened);
  }

  private void opened(StreamRecord stream) {
    if (stream.state() == StreamState.ACTIVE) {
      simulation.streamOpened(stream);
    }
  }

  /**
   * Fails as {@link #force} would for reserved ids or ids held by another stream, without changing anything, so
   * a caller can check before it registers the owner.
   *
   * @throws IllegalArgumentException when an id is reserved
   * @throws StreamConflictException when an id belongs to another stream
   */
  public void checkForce(StreamSpec spec) {
    requireNotReserved(spec);
    streams.checkForce(spec);
  }

  /** ACTIVE streams of {@code accessKey} (a counter read, O(1)). */
  public int activeCount(String accessKey) {
    return streams.activeCount(accessKey);
  }

  /** The stream addressed by {@code id} (requestId or dupRequestId). */
  public Optional<StreamRecord> find(String id) {
    return streams.find(id);
  }

  /** Every stream, oldest first, optionally only one key's and one state's (null = any). */
  public List<StreamRecord> list(String accessKey, StreamState state) {
    return streams.list(
        s -> (accessKey == null || s.accessKey().equals(accessKey)) && (state == null || s.state() == state));
  }

  /** Removes every stream of {@code accessKey} (its account was deleted). */
  public void removeAllOf(String accessKey) {
    for (StreamRecord stream : list(accessKey, null)) {
      streams.remove(stream.requestId());
    }
  }

  /** Removes a stream with all its ids; false if there was none. */
  public boolean remove(String id) {
    return streams.remove(id);
  }

  /**
   * Ends an ACTIVE stream the way the service would (natural end or pull failure), stops its simulation and sends
   * its end callbacks if it asked for them; fields {@code end} leaves null are filled from what the simulation saw.
   *
   * @throws NoSuchElementException when no stream has this id
   * @throws StreamConflictException when the stream is already CLOSED or ENDED
   */
  public StreamRecord end(String id, EndOfStream end) {
    StreamRecord stream =
        streams.find(id).orElseThrow(() -> new NoSuchElementException("requestId: no stream '" + id + "'"));
    if (!stream.end(time.now())) {
      throw new StreamConflictException(
          "requestId", "stream '" + stream.requestId() + "' is already " + stream.state().name());
    }
    EndOfStream seen = simulation.ended(stream, end);
    if (stream.spec().returnFinishInfo() == 1) {
      callbacks.streamEnded(stream, seen);
    }
    return stream;
  }

  /**
   * Replaces the script of an ACTIVE stream from now on (what already happened stays).
   *
   * @throws NoSuchElementException when no stream has this id
   * @throws StreamConflictException when the stream is not ACTIVE
   */
  public void replaceScript(String id, Script script) {
    try {
      simulation.replaceScript(id, script);
    } catch (IllegalStateException e) {
      throw new StreamConflictException("requestId", e.getMessage());
    }
  }

  /** What the simulation of stream {@code id} did so far (empty for an unknown id or a stream seeded CLOSED). */
  public Optional<Simulation.Progress> progress(String id) {
    return simulation.progress(id);
  }

  private Account requireAccount(StreamSpec spec) {
    requireNotReserved(spec);
    // Refused at seeding so the mistake shows at once; checked again when an attempt is sent.
    callbacks.targets().check("imgCallback", spec.imgCallback());
    callbacks.targets().check("audioCallback", spec.audioCallback());
    return accounts
        .account(spec.accessKey())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "accessKey: '" + spec.accessKey() + "' is not a registered account;"
                        + " register it first (PUT /__admin/accounts/{accessKey})"));
  }

  private void requireNotReserved(StreamSpec spec) {
    if (magicValues) {
      for (String id : ids(spec)) {
        if (ClosePipeline.looksMagic(id)) {
          // Name the field that holds the id: the requestId itself or one of the aliases.
          String field = id.equals(spec.requestId()) ? "requestId" : "dupRequestIds";
          throw new IllegalArgumentException(
              field + ": '" + id + "' starts with mock-, which is reserved for magic values"
                  + " (start the mock with magic values off to use it)");
        }
      }
    }
  }

  private static List<String> ids(StreamSpec spec) {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(spec.requestId()), spec.dupRequestIds().stream())
        .toList();
  }
}
