package io.github.deepcleermock.mock.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Keeps Javalin's "you don't have a logger" banner (15 lines on System.err, printed by every start) out of the
 * output of a user who embeds the mock without an SLF4J provider: SLF4J already says so once per JVM.
 *
 * <p>System.err is swapped only while the calling thread starts the server, and only what that thread writes is
 * dropped; other threads write through. If another start swapped System.err in between, the wrapper stays in place
 * but, disarmed, passes everything through.
 */
final class MissingLoggerBanner {

  private MissingLoggerBanner() {}

  /** Runs {@code start}, dropping what this thread prints on System.err meanwhile when SLF4J has no provider. */
  static void quietWhile(Runnable start) {
    if (!(LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory)) {
      // A provider is there: Javalin prints no banner, and the provider may well log to System.err.
      start.run();
      return;
    }
    PrintStream original = System.err;
    ThisThreadMuted muted = new ThisThreadMuted(original, Thread.currentThread());
    PrintStream wrapper = new PrintStream(muted, true);
    System.setErr(wrapper);
    try {
      start.run();
    } finally {
      muted.disarm();
      if (System.err == wrapper) {
        System.setErr(original);
      }
    }
  }

  /** Drops the bytes its owner thread writes while armed; everything else goes through. */
  private static final class ThisThreadMuted extends FilterOutputStream {
    private final Thread owner;
    private volatile boolean armed = true;

    ThisThreadMuted(OutputStream out, Thread owner) {
      super(out);
      this.owner = owner;
    }

    void disarm() {
      armed = false;
    }

    private boolean muted() {
      return armed && Thread.currentThread() == owner;
    }

    @Override
    public void write(int b) throws IOException {
      if (!muted()) {
        out.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (!muted()) {
        out.write(b, off, len);
      }
    }
  }
}
