package io.github.deepcleermock.mock.store.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis's MONITOR on a raw connection: every command clients send, as Redis logs them; commands a Lua script runs
 * inside Redis are marked {@code [... lua]} and are not round trips.
 */
final class RedisMonitor implements AutoCloseable {

  private final Socket socket;
  private final BufferedReader lines;

  RedisMonitor(URI redis) throws IOException {
    socket = new Socket(redis.getHost(), redis.getPort());
    socket.setSoTimeout(10_000);
    OutputStream out = socket.getOutputStream();
    out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    lines = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    String ok = lines.readLine();
    if (!"+OK".equals(ok)) {
      throw new IllegalStateException("MONITOR answered " + ok);
    }
  }

  /** The commands clients sent (not those scripts ran) until one whose text contains {@code marker}. */
  List<String> clientCommandsUntil(String marker) {
    List<String> commands = new ArrayList<>();
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.contains(marker)) {
          return commands;
        }
        if (!line.contains(" lua]")) {
          commands.add(line.substring(line.indexOf(']') + 2));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("the monitor ended before " + marker);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
