package io.github.deepcleermock.mock.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Plain-socket HTTP/1.1 for what {@code java.net.http} hides: a declared length that is never sent, a reset versus
 * an orderly close, the {@code Connection} header.
 */
final class RawHttp implements AutoCloseable {

  private final Socket socket;

  RawHttp(int port) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    // Bounds every read: a server that waits for bytes that never come fails the test instead of hanging it.
    socket.setSoTimeout(10_000);
  }

  /** Sends the head of a POST to the close path with these extra header lines, then {@code body}. */
  void post(String headers, byte[] body) throws IOException {
    String head = "POST " + VendorEndpoint.CLOSE_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().write(body);
    socket.getOutputStream().flush();
  }

  /** Sends {@code head} (request line and headers, with the blank line) and {@code body} as they are. */
  void send(String head, byte[] body) throws IOException {
    socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().write(body);
    socket.getOutputStream().flush();
  }

  /** Sends more bytes on the open connection. */
  void sendMore(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  /** Closes the connection with RST (SO_LINGER 0): an abort, not an orderly end. */
  void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  /** Reads one response framed by its Content-Length, leaving the connection open. */
  Response readResponse() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed inside the response head: " + head);
      }
      head.write(b);
    }
    Response parsed = parse(head.toByteArray());
    int length = Integer.parseInt(parsed.headers().getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Response(parsed.status(), parsed.headers(), new String(body, StandardCharsets.UTF_8));
  }

  /** Tells the server this client sends nothing more (TCP half-close). */
  void finishSending() throws IOException {
    socket.shutdownOutput();
  }

  /** Reads until the server closes the connection; a read timeout is an error. */
  byte[] readToEnd() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new IOException("the server neither answered nor closed within 10 s; got: " + out, e);
    }
    return out.toByteArray();
  }

  /** A parsed response. */
  record Response(int status, Map<String, String> headers, String body) {}

  /** Parses one response from {@code raw} (lower-case header names). */
  static Response parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int split = text.indexOf("\r\n\r\n");
    if (split < 0) {
      throw new AssertionError("no complete response head in: " + text);
    }
    String[] lines = text.substring(0, split).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    return new Response(status, headers, text.substring(split + 4));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
