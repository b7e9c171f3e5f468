package io.github.deepcleermock.mock.store.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Several standalone jars ({@code target/deepcleer-mock.jar}, as users start them) on one Redis for one test class,
 * each on a free loopback port with the same configuration file; stopped (and their output drained) after the class.
 * Register it after the {@link RedisServer} it uses.
 */
final class StandaloneJars implements BeforeAllCallback, AfterAllCallback {

  private static final Path JAR = Path.of("target", "deepcleer-mock.jar");
  private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)$");

  private final int count;
  private final Supplier<URI> store;
  private final String config;
  private final List<Process> processes = new ArrayList<>();
  private final List<String> baseUrls = new ArrayList<>();
  private final List<StringBuffer> outputs = new ArrayList<>();

  /**
   * @param count how many jars
   * @param store the Redis they share (asked when the class starts, after the server has its port)
   * @param config the YAML configuration file every jar reads
   */
  StandaloneJars(int count, Supplier<URI> store, String config) {
    this.count = count;
    this.store = store;
    this.config = config;
  }

  /** {@code http://127.0.0.1:<port>} of jar {@code i} (0-based). */
  String baseUrl(int i) {
    return baseUrls.get(i);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (!Files.isRegularFile(JAR)) {
      throw new AssertionError(JAR.toAbsolutePath() + " is missing: the standalone jar is built in the package phase"
          + " (run mvn verify, not only the test phase)");
    }
    Path file = Files.createTempFile("deepcleer-mock-jars", ".yaml");
    file.toFile().deleteOnExit();
    Files.writeString(file, config);
    List<CompletableFuture<String>> urls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Process process = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
          "--port", "0", "--config", file.toString(), "--store", store.get().toString())
          .redirectErrorStream(true)
          .start();
      processes.add(process);
      StringBuffer output = new StringBuffer();
      outputs.add(output);
      urls.add(baseUrlOf(process, output, i));
    }
    for (int i = 0; i < count; i++) {
      try {
        baseUrls.add(urls.get(i).get(60, TimeUnit.SECONDS));
      } catch (ExecutionException | TimeoutException e) {
        throw new AssertionError("jar " + i + " did not start; its output:\n" + outputs.get(i), e);
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** Reads the jar's output until it prints its base URL (it binds a free port), then keeps draining it. */
  private static CompletableFuture<String> baseUrlOf(Process process, StringBuffer output, int i) {
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (!url.isDone()) {
            output.append(line).append('\n');
          }
          Matcher matcher = LISTENING.matcher(line.strip());
          if (matcher.find()) {
            url.complete(matcher.group(1));
          }
        }
        url.completeExceptionally(new IllegalStateException("the jar exited without printing its URL"));
      } catch (IOException e) {
        url.completeExceptionally(new UncheckedIOException(e));
      }
    }, "standalone-jar-" + i + "-output");
    reader.setDaemon(true);
    reader.start();
    return url;
  }
}
