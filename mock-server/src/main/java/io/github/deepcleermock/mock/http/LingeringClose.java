package io.github.deepcleermock.mock.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Discards what a client still sends of a refused oversized body after its answer went out, so that closing the
 * connection does not reset it.
 *
 * <p>Closing a TCP socket with unread bytes in its receive buffer sends RST, and an RST makes the client's kernel
 * drop the answer it has not read yet: without this, about one client in ten that sent 70 KiB saw "connection
 * reset" instead of the 1902 answer. The decision never waits for the body (the answer is already written). The
 * drain is demand-driven like {@link BodyReader} (no thread waits for a slow sender) and bounded in bytes and in
 * time.
 */
final class LingeringClose {

  static final int MAX_DRAIN_BYTES = 8 * 1024 * 1024;
  static final long MAX_DRAIN_MS = 2_000;

  private LingeringClose() {}

  /** A callback that, once the answer is written, drains the rest of the body, then completes {@code done}. */
  static Callback thenDrain(Request request, Callback done) {
    return Callback.from(() -> new Drain(request, done).start(), done::failed);
  }

  /** One drain: ends at the body's end, a failure, the byte bound or the time bound, whichever comes first. */
  private static final class Drain implements Runnable {
    private final Request request;
    private final Callback done;
    private final AtomicBoolean finished = new AtomicBoolean();
    private long drained;
    private volatile Scheduler.Task timer;

    Drain(Request request, Callback done) {
      this.request = request;
      this.done = done;
    }

    void start() {
      try {
        timer = request.getComponents().getScheduler().schedule(this::finish, MAX_DRAIN_MS, TimeUnit.MILLISECONDS);
      } catch (RuntimeException e) {
        // No scheduler (the server is stopping): drain without a time bound; the byte bound still holds.
      }
      run();
    }

    @Override
    public void run() {
      while (!finished.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        boolean end = chunk.isLast() || Content.Chunk.isFailure(chunk);
        drained += chunk.remaining();
        chunk.release();
        if (end || drained >= MAX_DRAIN_BYTES) {
          finish();
          return;
        }
      }
    }

    private void finish() {
      if (finished.compareAndSet(false, true)) {
        Scheduler.Task pending = timer;
        if (pending != null) {
          pending.cancel();
        }
        // The client has its answer either way; the connection closes (Connection: close) after this.
        done.succeeded();
      }
    }
  }
}
