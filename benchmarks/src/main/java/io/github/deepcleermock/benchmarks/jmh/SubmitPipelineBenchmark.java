package io.github.deepcleermock.benchmarks.jmh;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.accounts.MemoryAccounts;
import io.github.deepcleermock.mock.faults.MemoryFaultRules;
import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.VendorRequest;
import io.github.deepcleermock.mock.streams.StreamOpenedListener;
import io.github.deepcleermock.mock.streams.StreamRecord;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.streams.Streams;
import io.github.deepcleermock.mock.submit.SubmitPipeline;
import io.github.deepcleermock.mock.time.SystemTimeSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The submit pipeline without HTTP: a submit that opens a stream and closes it again (so the account never fills
 * and the ended-stream retention is exercised), a duplicate of a running stream, and a 1902. Seeding is O(1) per
 * stream: {@link #seed40000Streams} seeds 40 000 ACTIVE streams into a fresh index per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SubmitPipelineBenchmark {

  private static final String PREFIX = "{\"accessKey\":\"bench-key\",\"appId\":\"bench\",\"eventId\":\"VIDEOSTREAM\","
      + "\"imgType\":\"POLITY_EROTIC\",\"audioType\":\"NONE\",\"imgCallback\":\"http://127.0.0.1:9/img\","
      + "\"data\":{\"streamType\":\"NORMAL\",\"tokenId\":\"bench-user\",\"url\":\"rtmp://bench.test/live/";

  private SubmitPipeline pipeline;
  private Streams streams;
  private SystemTimeSource time;
  private VendorRequest[] fresh;
  private int next;
  private VendorRequest duplicate;
  private VendorRequest invalid;

  @Setup
  public void setUp() {
    time = new SystemTimeSource();
    MemoryAccounts accounts = new MemoryAccounts();
    accounts.restore(List.of(Account.of("bench-key").withQps(1_000_000_000).withMaxStreams(1_000)));
    streams = new Streams(time, StreamOpenedListener.NONE, Streams.DEFAULT_ENDED_RETENTION);
    pipeline = new SubmitPipeline(accounts, streams, new MemoryFaultRules(42), time, true);
    fresh = new VendorRequest[4096];
    for (int i = 0; i < fresh.length; i++) {
      fresh[i] = request(PREFIX + i + "\"}}");
    }
    duplicate = request(PREFIX + "running\"}}");
    pipeline.submit(duplicate);
    invalid = request(PREFIX.replace("\"appId\":\"bench\",", "") + "x\"}}");
  }

  @TearDown
  public void tearDown() {
    time.close();
  }

  @Benchmark
  public boolean submitThenClose() {
    Outcome outcome = pipeline.submit(fresh[next++ & (fresh.length - 1)]);
    StreamRecord stream = streams.get(outcome.requestId());
    return stream.close(Instant.EPOCH);
  }

  @Benchmark
  public Outcome duplicateOfARunningStream() {
    return pipeline.submit(duplicate);
  }

  @Benchmark
  public Outcome invalidParameters1902() {
    return pipeline.submit(invalid);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 5)
  public Streams seed40000Streams() {
    Streams many = new Streams(time, StreamOpenedListener.NONE, Streams.DEFAULT_ENDED_RETENTION);
    for (int i = 0; i < 40_000; i++) {
      many.open(StreamSpec.builder().accessKey("k").requestId("s" + i).build(), StreamState.ACTIVE, 40_000);
    }
    return many;
  }

  private static VendorRequest request(String json) {
    return VendorRequest.of(json.getBytes(StandardCharsets.UTF_8));
  }
}
