package io.github.deepcleermock.benchmarks.jmh;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of minting the 32-hex {@code requestId} that every close answer carries, one way per benchmark; also the
 * template for further benchmarks in this module.
 *
 * <p>{@code UUID.randomUUID()} draws from a shared {@code SecureRandom}, so run it with {@code -t 2} as well to see
 * contention; add {@code -prof gc} for allocation per call. Example:
 * {@code java -jar benchmarks/target/benchmarks.jar RequestIdBenchmark -t 2 -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-XX:+UseParallelGC"})
public class RequestIdBenchmark {
  private static final HexFormat HEX = HexFormat.of();
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  /** The obvious way: a random UUID without its dashes. */
  @Benchmark
  public String uuidWithoutDashes() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** Two thread-local random longs through {@link HexFormat}. */
  @Benchmark
  public String threadLocalRandomHexFormat() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
  }

  /** Two thread-local random longs written into one char array (a single allocation besides the String). */
  @Benchmark
  public String threadLocalRandomCharArray() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] out = new char[32];
    fill(out, 0, random.nextLong());
    fill(out, 16, random.nextLong());
    return new String(out);
  }

  private static void fill(char[] out, int offset, long bits) {
    for (int i = 15; i >= 0; i--) {
      out[offset + i] = DIGITS[(int) (bits & 0xF)];
      bits >>>= 4;
    }
  }
}
