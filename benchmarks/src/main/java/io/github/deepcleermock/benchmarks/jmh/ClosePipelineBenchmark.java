package io.github.deepcleermock.benchmarks.jmh;

import io.github.deepcleermock.mock.accounts.Account;
import io.github.deepcleermock.mock.accounts.MemoryAccounts;
import io.github.deepcleermock.mock.close.ClosePipeline;
import io.github.deepcleermock.mock.close.ClosePolicy;
import io.github.deepcleermock.mock.close.StreamClosedListener;
import io.github.deepcleermock.mock.faults.MemoryFaultRules;
import io.github.deepcleermock.mock.pipeline.Outcome;
import io.github.deepcleermock.mock.pipeline.VendorRequest;
import io.github.deepcleermock.mock.streams.StreamSpec;
import io.github.deepcleermock.mock.streams.StreamState;
import io.github.deepcleermock.mock.streams.Streams;
import io.github.deepcleermock.mock.time.SystemTimeSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
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
 * The close pipeline without HTTP: a valid close (1100 for an already-closed stream, the steady state of a load
 * test), a 1902 (over-long requestId) and a 1901 (frozen bucket). Run with {@code -prof gc} for allocation per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ClosePipelineBenchmark {

  private ClosePipeline pipeline;
  private SystemTimeSource time;
  private VendorRequest validClose;
  private VendorRequest invalidParameters;
  private VendorRequest qpsLimited;

  @Setup
  public void setUp() {
    time = new SystemTimeSource();
    MemoryAccounts accounts = new MemoryAccounts();
    accounts.restore(
        List.of(
            new Account("bench-key", 1_000_000_000, 100, Set.of(Account.FINISH), false),
            Account.of("limited-key")));
    accounts.get("limited-key").bucket().freeze();
    Streams streams = new Streams(time);
    streams.open(StreamSpec.builder().accessKey("bench-key").requestId("bench-stream-1").build(), StreamState.CLOSED, 100);
    pipeline =
        new ClosePipeline(
            accounts, streams, new MemoryFaultRules(42), time, ClosePolicy.DEFAULT, StreamClosedListener.NONE);
    validClose = request("{\"accessKey\":\"bench-key\",\"requestId\":\"bench-stream-1\"}");
    invalidParameters =
        request("{\"accessKey\":\"bench-key\",\"requestId\":\"123456789012345678901234567890123\"}");
    qpsLimited = request("{\"accessKey\":\"limited-key\",\"requestId\":\"bench-stream-1\"}");
  }

  @TearDown
  public void tearDown() {
    time.close();
  }

  @Benchmark
  public Outcome validClose() {
    return pipeline.close(validClose);
  }

  @Benchmark
  public Outcome invalidParameters1902() {
    return pipeline.close(invalidParameters);
  }

  @Benchmark
  public Outcome qpsLimitExceeded1901() {
    return pipeline.close(qpsLimited);
  }

  private static VendorRequest request(String json) {
    return VendorRequest.of(json.getBytes(StandardCharsets.UTF_8));
  }
}
