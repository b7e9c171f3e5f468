package io.github.deepcleermock.mock.store.redis;

import io.github.deepcleermock.mock.TestPackages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's real {@code redis-server} for one test class, on a free loopback port, without persistence; it can be
 * stopped and started again on the same port mid-test. A machine without it fails with the install line, never skips.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {

  static final Path EXECUTABLE = Path.of("/usr/bin/redis-server");

  private final Path executable;
  private int port;
  private Process process;

  /** Debian's redis-server. */
  public RedisServer() {
    this(EXECUTABLE);
  }

  RedisServer(Path executable) {
    this.executable = executable;
  }

  /** Fails, naming the install line, unless {@code executable} is installed. */
  static void requireInstalled(Path executable) {
    if (!Files.isExecutable(executable)) {
      throw new AssertionError("The shared-store tests need Redis, but " + executable
          + " (Debian package redis-server) is missing. Install it as root (./test.sh does this when run as root):\n  "
          + TestPackages.INSTALL_LINE);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    requireInstalled(executable);
    port = freePort();
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /** {@code redis://127.0.0.1:<port>/0}. */
  public URI uri() {
    return URI.create("redis://127.0.0.1:" + port + "/0");
  }

  /** Starts the server on its port and returns once it accepts connections (it says so on its log). */
  public synchronized void start() {
    ProcessBuilder builder =
        new ProcessBuilder(List.of(
            executable.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
            "--appendonly", "no"));
    builder.redirectErrorStream(true);
    try {
      process = builder.start();
      BufferedReader log =
          new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      for (String line = log.readLine(); line != null; line = log.readLine()) {
        seen.append(line).append('\n');
        if (line.contains("Ready to accept connections")) {
          drain(log);
          return;
        }
      }
      throw new IllegalStateException("redis-server exited before it was ready:\n" + seen);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server (SIGTERM) and waits until it has exited. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Keeps reading the log so a full pipe never blocks the server. */
  private static void drain(BufferedReader log) {
    Thread drainer =
        new Thread(
            () -> {
              try {
                while (log.readLine() != null) {
                  // discard
                }
              } catch (IOException e) {
                // the server is gone
              }
            },
            "redis-server-log");
    drainer.setDaemon(true);
    drainer.start();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
