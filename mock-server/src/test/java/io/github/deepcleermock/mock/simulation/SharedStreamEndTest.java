package io.github.deepcleermock.mock.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.deepcleermock.mock.callbacks.EndOfStream;
import io.github.deepcleermock.mock.store.StoreUnavailableException;
import io.github.deepcleermock.mock.streams.StreamRecord;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.streams.StreamStore;
import io.github.deepcleermock.mock.time.MockClock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The end of a stream another instance opened is completed by replaying its simulation here. */
class SharedStreamEndTest {

  private final MockClock clock = new MockClock();

  @Test
  void aStoreThatFailsAfterTheTransitionStillGivesTheEndWhatTheSettingsAndClockSay() {
    Simulation simulation =
        new Simulation(clock, new NoScriptStore(), null, new MemoryScenarios(), true, () -> "http://127.0.0.1");
    StreamSpec spec = StreamSpec.builder().accessKey("k").requestId("r1").build();
    StreamRecord elsewhere =
        StreamRecord.shared(spec, clock.now(), clock.nanoTime(), null, (stream, to, at, retain) -> null);
    clock.advance(Duration.ofSeconds(5));

    EndOfStream end = simulation.ended(elsewhere, EndOfStream.CLOSED_BY_CLIENT);

    assertThat(end.streamSeconds()).isEqualTo(5);
    assertThat(end.riskLevel()).isEqualTo("PASS");
    assertThat(end.pullStreamSuccess()).isTrue();
  }

  /** A shared store that went away right after the transition: the kept script cannot be read. */
  private static final class NoScriptStore implements StreamStore {
    @Override
    public String keptScript(StreamRecord stream) {
      throw new StoreUnavailableException(new IllegalStateException("Currently not connected."));
    }

    @Override
    public StreamRecord get(String id) {
      return null;
    }

    @Override
    public int activeCount(String accessKey) {
      return 0;
    }

    @Override
    public StreamRecord running(String dedupKey) {
      return null;
    }

    @Override
    public Submitted submit(StreamSpec spec, int maxActive) {
      throw new UnsupportedOperationException();
    }

    @Override
    public StreamRecord open(StreamSpec spec, StreamState state, int maxActive) {
      throw new UnsupportedOperationException();
    }

    @Override
    public StreamRecord force(StreamSpec spec, StreamState state) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void checkForce(StreamSpec spec) {}

    @Override
    public boolean remove(String id) {
      return false;
    }

    @Override
    public List<StreamRecord> list(Predicate<StreamRecord> filter) {
      return List.of();
    }

    @Override
    public List<StreamRecord> restore(List<StreamSpec> baseline) {
      return List.of();
    }
  }
}
