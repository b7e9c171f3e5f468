package io.github.deepcleermock.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The standalone entry point: one-line errors (never a stack trace), a complete --help, start and SIGTERM. */
class MainTest {

  /** The flags DESIGN.md's "Entry points" lists. */
  private static final List<String> DOCUMENTED_FLAGS = List.of("--host", "--port", "--config", "--access-key",
      "--qps", "--max-streams", "--unknown-stream", "--no-magic-values", "--journal-size", "--callback-retries",
      "--callback-backoff-ms", "--seed", "--admin-token", "--https-port", "--https-only", "--keystore",
      "--keystore-password", "--callback-trust", "--[no-]metrics", "--help");

  @TempDir Path dir;

  @Test
  void aMissingKeystoreEndsWithOneLineErrorNamingTheFlag() {
    Run run = run("--port=0", "--https-port=0", "--keystore=/no/such.p12", "--keystore-password=x");

    assertOneLineError(run);
    assertThat(run.err).startsWith("error: keystore: cannot read /no/such.p12");
  }

  @Test
  void helpListsEveryDocumentedFlag() {
    Run run = run("--help");

    assertThat(run.status).isZero();
    assertThat(run.err).isEmpty();
    assertThat(run.out).contains(DOCUMENTED_FLAGS);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--unknown-stream=maybe", "--qps=0", "--max-streams=-1", "--journal-size=0",
      "--callback-retries=500", "--port=70000", "--port=abc", "--bogus", "--access-key=" + "k123456789012345678901",
      "--config=/no/such/mock.yaml", "--https-only", "--keystore=/no/such.p12",
      "--callback-trust=/no/such.pem"})
  void badFlagEndsWithOneLineError(String flag) {
    Run run = run(flag);

    assertOneLineError(run);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "port: [1",
    "qsp: 5",
    "port: abc",
    "accounts:\n  - qps: 3",
    "accounts:\n  - accessKey: k\n    qps: 0",
    "accounts:\n  - accessKey: k\nstreams:\n  - requestId: r1\n    accessKey: nobody",
    "accounts:\n  - accessKey: k\nstreams:\n  - requestId: mock-1903\n    accessKey: k",
    "accounts:\n  - accessKey: k\n  - accessKey: k",
    "accounts:\n  - accessKey: k\nstreams:\n  - requestId: r1\n    accessKey: k\n    returnFinishInfo: 1",
    "unknownStream: sometimes",
    "seed: 1.5"
  })
  void badConfigFileEndsWithOneLineError(String yaml) throws IOException {
    Path file = dir.resolve("mock.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);

    assertOneLineError(run("--config", file.toString()));
  }

  @Test
  void versionPrintsTheProjectVersionOfTheBuild() {
    Run run = run("--version");

    assertThat(run.status).isZero();
    assertThat(System.getProperty("project.version")).as("set by the build").isNotBlank();
    assertThat(run.out.strip()).isEqualTo("deepcleer-mock " + System.getProperty("project.version"));
  }

  @Test
  void portInUseEndsWithOneLineError() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run run = run("--port", Integer.toString(taken.getLocalPort()));

      assertOneLineError(run);
      assertThat(run.err).contains("Cannot start the mock on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void standaloneProcessPrintsOnlyOneLineWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Process process = launch("--port", Integer.toString(taken.getLocalPort()));
      CompletableFuture<String> err = readAll(process.getErrorStream());

      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(2);
      assertThat(err.get(5, TimeUnit.SECONDS).lines().toList())
          .as("everything the process wrote to stderr, library logs included")
          .singleElement(STRING)
          .startsWith("error: Cannot start the mock on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void standaloneProcessPrintsItsUrlServesAndStopsOnSigterm() throws Exception {
    Process process = launch("--port", "0");
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      String line = firstLine.get(30, TimeUnit.SECONDS);
      assertThat(line).matches("DeepCleer mock listening on http://127\\.0\\.0\\.1:\\d+");
      String baseUrl = line.substring("DeepCleer mock listening on ".length());

      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(baseUrl + "/finish_videostream/v4"))
              .timeout(Duration.ofSeconds(10))
              .POST(HttpRequest.BodyPublishers.ofString(
                  "{\"accessKey\":\"YOUR_ACCESS_KEY\",\"requestId\":\"1639824316368\"}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).contains("\"code\":1100", "\"message\":\"Success\"");

      process.destroy(); // SIGTERM
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void wildcardBindPrintsItsRealAddressAndWarnsWithoutAnAdminToken() throws Exception {
    // It printed "listening on http://127.0.0.1" for --host 0.0.0.0, and nothing about the open admin API.
    Process process = launch("--host", "0.0.0.0", "--port", "0");
    try {
      String line = firstLine(process.getInputStream(), "DeepCleer mock listening");
      String warning = firstLine(process.getErrorStream(), "WARNING");

      assertThat(line).matches("DeepCleer mock listening on http://0\\.0\\.0\\.0:\\d+ \\(all interfaces; from this"
          + " machine: http://127\\.0\\.0\\.1:\\d+\\)");
      assertThat(warning).startsWith("WARNING: the mock listens on 0.0.0.0:").contains("--admin-token");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void malformedHostHeadersAnswerJsonAndLeaveNoWarningPerRequest() throws Exception {
    // Jetty logged one WARN per request with a bad Host header: 14 MB of log in 1.3 s.
    Process process = launch("--port", "0");
    try {
      String line = firstLine(process.getInputStream(), "DeepCleer mock listening");
      int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1));
      CompletableFuture<String> err = readAll(process.getErrorStream());
      for (int i = 0; i < 20; i++) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
          socket.getOutputStream().write(("GET /__admin/health HTTP/1.1\r\nHost: bad host " + i + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
          String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          assertThat(answer).startsWith("HTTP/1.1 400 ").contains("{\"error\":\"request: Bad Request");
        }
      }

      process.destroy();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(err.get(10, TimeUnit.SECONDS)).doesNotContain("Bad Authority").doesNotContain("WARN");
    } finally {
      process.destroyForcibly();
    }
  }

  /** The first line starting with {@code prefix} (the log's INFO line shares stderr with the warning). */
  private static String firstLine(InputStream in, String prefix) throws Exception {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    return CompletableFuture.supplyAsync(() -> {
      try {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (line.startsWith(prefix)) {
            return line;
          }
        }
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).get(30, TimeUnit.SECONDS);
  }

  private static void assertOneLineError(Run run) {
    assertThat(run.status).isEqualTo(2);
    assertThat(run.out).isEmpty();
    assertThat(run.err.lines().toList())
        .singleElement(STRING)
        .startsWith("error: ")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  private record Run(int status, String out, String err) {}

  /** Starts {@link Main} in a new JVM on this test's class path. */
  private static Process launch(String... args) throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  private static CompletableFuture<String> readAll(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
