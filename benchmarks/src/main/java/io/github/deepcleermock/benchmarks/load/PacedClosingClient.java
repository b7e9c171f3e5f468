package io.github.deepcleermock.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offers close requests at a fixed rate for a fixed time and counts the answers by their {@code code} field.
 *
 * <p>Request {@code i} is due at {@code start + i / rate}: the schedule never drifts, and a request sent late is
 * recorded as lag rather than silently shifting every later one. Requests go out over a few raw keep-alive
 * connections with HTTP/1.1 pipelining (round robin), written by one pacing thread and read back in order by one
 * reader thread per connection, so a slow answer never delays the next request. {@code java.net.http} was tried
 * first and could not keep 1 000 req/s on one shared core (lag up to 0.9 s, 10% transport errors).
 */
public final class PacedClosingClient {
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*(-?\\d+)");
  // Parking is coarse (~50-100 µs late on Linux); park until this close to the due time, then spin.
  private static final long SPIN_NANOS = 150_000;

  private final int connections;
  private final Duration answerTimeout;

  /**
   * A client spreading requests over {@code connections} keep-alive connections and waiting at most
   * {@code answerTimeout} after the last request for the outstanding answers.
   */
  public PacedClosingClient(int connections, Duration answerTimeout) {
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be >= 1, was " + connections);
    }
    this.connections = connections;
    this.answerTimeout = answerTimeout;
  }

  /** What one paced run offered and what came back. */
  public record Tally(
      long offered,
      long answered,
      long transportErrors,
      Map<Integer, Long> httpStatuses,
      Map<Integer, Long> codes,
      long unparsedBodies,
      double elapsedMillis,
      double lagP99Millis,
      double lagMaxMillis) {

    /** Number of answers whose body carried {@code code}. */
    public long count(int code) {
      return codes.getOrDefault(code, 0L);
    }
  }

  /**
   * Sends {@code round(rate * seconds)} POSTs of {@code body} to {@code url}, paced at {@code rate} per second,
   * then waits for every answer (or the answer timeout).
   */
  public Tally run(URI url, String body, int rate, double seconds) throws IOException, InterruptedException {
    if (rate < 1) {
      throw new IllegalArgumentException("rate must be >= 1, was " + rate);
    }
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("seconds must be > 0, was " + seconds);
    }
    if (!"http".equals(url.getScheme())) {
      throw new IllegalArgumentException("only http:// URLs are supported, was " + url);
    }
    int port = url.getPort() == -1 ? 80 : url.getPort();
    InetSocketAddress address = new InetSocketAddress(url.getHost(), port);
    byte[] request = requestBytes(url, port, body);
    Counters counters = new Counters();

    Connection[] pool = new Connection[connections];
    for (int c = 0; c < connections; c++) {
      pool[c] = new Connection(address, counters);
    }

    int total = Math.toIntExact(Math.round(rate * seconds));
    long[] lagNanos = new long[total];
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long due = start + i * 1_000_000_000L / rate;
      long now = System.nanoTime();
      while (now < due) {
        long gap = due - now;
        if (gap > SPIN_NANOS) {
          LockSupport.parkNanos(gap - SPIN_NANOS);
        } else {
          Thread.onSpinWait();
        }
        now = System.nanoTime();
      }
      lagNanos[i] = now - due;
      int c = i % connections;
      if (!pool[c].send(request)) {
        // Its unanswered requests are counted when the run ends; a fresh connection takes its turn from now on.
        pool[c].close();
        counters.transportErrors.increment();
        try {
          pool[c] = new Connection(address, counters);
        } catch (IOException e) {
          pool[c] = Connection.dead(counters);
        }
      }
    }
    long sentAll = System.nanoTime();

    long deadline = sentAll + answerTimeout.toNanos();
    for (Connection connection : pool) {
      connection.awaitAnswers(deadline);
    }
    for (Connection connection : pool) {
      connection.close();
    }
    Arrays.sort(lagNanos);
    return new Tally(
        total,
        counters.answered.sum(),
        counters.transportErrors.sum() + counters.unanswered.sum(),
        freeze(counters.statuses),
        freeze(counters.codes),
        counters.unparsed.sum(),
        (sentAll - start) / 1e6,
        total == 0 ? 0 : lagNanos[(int) Math.min(total - 1, Math.ceil(total * 0.99) - 1)] / 1e6,
        total == 0 ? 0 : lagNanos[total - 1] / 1e6);
  }

  /** True when {@code actual} lies within {@code expected × (1 ± tolerance)}, bounds included. */
  public static boolean withinTolerance(long actual, long expected, double tolerance) {
    return Math.abs(actual - expected) <= expected * tolerance + 1e-9;
  }

  private static byte[] requestBytes(URI url, int port, String body) {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) {
      path += "?" + url.getRawQuery();
    }
    String head =
        "POST " + path + " HTTP/1.1\r\n"
            + "Host: " + url.getHost() + ":" + port + "\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: " + content.length + "\r\n"
            + "\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(headBytes, headBytes.length + content.length);
    System.arraycopy(content, 0, all, headBytes.length, content.length);
    return all;
  }

  private static Map<Integer, Long> freeze(Map<Integer, LongAdder> counters) {
    Map<Integer, Long> sorted = new TreeMap<>();
    counters.forEach((k, v) -> sorted.put(k, v.sum()));
    return Map.copyOf(sorted);
  }

  /** Shared tallies, written by all reader threads. */
  private static final class Counters {
    final LongAdder answered = new LongAdder();
    final LongAdder transportErrors = new LongAdder();
    final LongAdder unanswered = new LongAdder();
    final LongAdder unparsed = new LongAdder();
    final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    final Map<Integer, LongAdder> codes = new ConcurrentHashMap<>();

    void answer(int status, byte[] body) {
      statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
      Matcher m = CODE.matcher(new String(body, StandardCharsets.UTF_8));
      if (m.find()) {
        codes.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new LongAdder()).increment();
      } else {
        unparsed.increment();
      }
      answered.increment();
    }
  }

  /**
   * One keep-alive connection: the pacing thread writes, a daemon reader thread parses the answers in order.
   * {@code sent} is written only by the pacing thread, {@code received} only by the reader.
   */
  private static final class Connection {
    private final Socket socket;
    private final OutputStream out;
    private final Counters counters;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean broken;
    private boolean closed;

    private Connection(Socket socket, Counters counters) throws IOException {
      this.socket = socket;
      this.counters = counters;
      this.out = socket == null ? OutputStream.nullOutputStream() : socket.getOutputStream();
      if (socket != null) {
        Thread reader = new Thread(this::readAnswers, "paced-reader");
        reader.setDaemon(true);
        reader.start();
      }
    }

    Connection(InetSocketAddress address, Counters counters) throws IOException {
      this(connect(address), counters);
    }

    static Connection dead(Counters counters) {
      try {
        Connection c = new Connection((Socket) null, counters);
        c.broken = true;
        return c;
      } catch (IOException impossible) {
        throw new IllegalStateException(impossible);
      }
    }

    private static Socket connect(InetSocketAddress address) throws IOException {
      Socket s = new Socket();
      s.setTcpNoDelay(true);
      s.setKeepAlive(true);
      s.connect(address, 5_000);
      return s;
    }

    boolean send(byte[] request) {
      if (broken) {
        return false;
      }
      try {
        out.write(request);
        out.flush();
        sent.incrementAndGet();
        return true;
      } catch (IOException e) {
        broken = true;
        return false;
      }
    }

    void awaitAnswers(long deadlineNanos) {
      while (!broken && received.get() < sent.get() && System.nanoTime() < deadlineNanos) {
        LockSupport.parkNanos(1_000_000);
      }
    }

    void close() {
      if (closed) {
        return;
      }
      closed = true;
      broken = true;
      // Whatever was sent and not answered by now never will be.
      counters.unanswered.add(Math.max(0, sent.get() - received.get()));
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing a socket we no longer read from: nothing to recover
        }
      }
    }

    private void readAnswers() {
      try (InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024)) {
        while (true) {
          String statusLine = readLine(in);
          if (statusLine == null) {
            break;
          }
          int status = Integer.parseInt(statusLine.substring(9, 12));
          long contentLength = -1;
          boolean chunked = false;
          boolean closeAfter = false;
          for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
            int colon = header.indexOf(':');
            if (colon < 0) {
              continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
              case "content-length" -> contentLength = Long.parseLong(value);
              case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
              case "connection" -> closeAfter = value.equalsIgnoreCase("close");
              default -> { }
            }
          }
          byte[] body;
          if (chunked) {
            body = readChunked(in);
          } else if (contentLength >= 0) {
            body = in.readNBytes(Math.toIntExact(contentLength));
          } else {
            body = in.readAllBytes();
            closeAfter = true;
          }
          counters.answer(status, body);
          received.incrementAndGet();
          if (closeAfter) {
            break;
          }
        }
      } catch (IOException | RuntimeException e) {
        // A reset or malformed answer ends this connection; its unanswered requests are counted at close().
      }
      broken = true;
    }

    private static byte[] readChunked(InputStream in) throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = readLine(in);
        if (sizeLine == null) {
          throw new EOFException("connection closed inside a chunked body");
        }
        int semicolon = sizeLine.indexOf(';');
        int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
        if (size == 0) {
          for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
            // trailers carry nothing we count
          }
          return body.toByteArray();
        }
        body.write(in.readNBytes(size));
        readLine(in);
      }
    }

    /** Reads one CRLF-terminated ASCII line; null at end of stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder(64);
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          int len = line.length();
          if (len > 0 && line.charAt(len - 1) == '\r') {
            line.setLength(len - 1);
          }
          return line.toString();
        }
        line.append((char) b);
      }
      if (line.length() == 0) {
        return null;
      }
      throw new EOFException("connection closed inside a line");
    }
  }

  private static String describe(Tally t) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "paced: offered=%d answered=%d transportErrors=%d unparsed=%d sendWindowMs=%.1f lagP99Ms=%.3f"
                + " lagMaxMs=%.3f%n",
            t.offered(),
            t.answered(),
            t.transportErrors(),
            t.unparsedBodies(),
            t.elapsedMillis(),
            t.lagP99Millis(),
            t.lagMaxMillis()));
    t.httpStatuses().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.append("http ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
    t.codes().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.append("code ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
    return out.toString();
  }

  /**
   * Command line: {@code --url U --rate N --seconds S [--body JSON] [--connections K] [--warmup-seconds W]
   * [--pause-ms P] [--expect-code C --expect-count N [--tolerance 0.01]]}. The warm-up run is paced like the real
   * one and its answers are discarded; the pause lets a token bucket refill before the measured run. With an
   * expectation, the exit status is 0 when it holds and 3 when it does not.
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        System.err.println(
            "usage: --url U --rate N --seconds S [--body JSON] [--connections K] [--warmup-seconds W]"
                + " [--pause-ms P] [--expect-code C --expect-count N [--tolerance T]]");
        System.exit(2);
      }
      opts.put(args[i].substring(2), args[i + 1]);
    }
    URI url = URI.create(required(opts, "url"));
    String body =
        opts.getOrDefault("body", "{\"accessKey\":\"bench-key\",\"requestId\":\"bench-stream-1\"}");
    int rate = Integer.parseInt(required(opts, "rate"));
    double seconds = Double.parseDouble(required(opts, "seconds"));
    int connections = Integer.parseInt(opts.getOrDefault("connections", "4"));
    double warmup = Double.parseDouble(opts.getOrDefault("warmup-seconds", "0"));
    long pauseMs = Long.parseLong(opts.getOrDefault("pause-ms", "0"));

    PacedClosingClient client = new PacedClosingClient(connections, Duration.ofSeconds(10));
    if (warmup > 0) {
      System.out.print("warm-up " + describe(client.run(url, body, rate, warmup)));
    }
    if (pauseMs > 0) {
      Thread.sleep(pauseMs);
    }
    Tally t = client.run(url, body, rate, seconds);
    System.out.print(describe(t));

    if (opts.containsKey("expect-code")) {
      int code = Integer.parseInt(opts.get("expect-code"));
      long expected = Long.parseLong(required(opts, "expect-count"));
      double tolerance = Double.parseDouble(opts.getOrDefault("tolerance", "0.01"));
      long actual = t.count(code);
      boolean ok = withinTolerance(actual, expected, tolerance);
      System.out.printf(
          Locale.ROOT,
          "check: code %d answered %d times, expected %d ±%.1f%% [%d..%d]: %s%n",
          code,
          actual,
          expected,
          tolerance * 100,
          (long) Math.ceil(expected * (1 - tolerance)),
          (long) Math.floor(expected * (1 + tolerance)),
          ok ? "PASS" : "FAIL");
      System.exit(ok ? 0 : 3);
    }
  }

  private static String required(Map<String, String> opts, String key) {
    String v = opts.get(key);
    if (v == null) {
      System.err.println("missing --" + key);
      System.exit(2);
    }
    return v;
  }
}
