package io.github.deepcleermock.mock.http;

import io.github.deepcleermock.mock.time.TimeSource;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body without parking a thread, up to a byte limit and within a deadline; the same reader serves
 * every endpoint, each with its own limit (close: 64 KiB; a larger one for submit and the admin API).
 *
 * <p>Why demand-driven: a blocking read holds a worker thread for as long as the client takes to send, so about 255
 * clients sending one byte every 10 s took all 250 workers and the mock stopped answering anyone. Here a read that
 * finds no bytes registers a demand and returns; Jetty calls back when bytes arrive, and the deadline (on the
 * mock's {@link TimeSource}, so a fake clock drives it in tests) ends the wait. The usual body, which arrives with
 * the headers, is read at once on the calling thread and schedules nothing.
 */
final class BodyReader {

  /** How long a body may take to arrive once its headers have. A real close body arrives in one packet. */
  static final long DEFAULT_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final int limit;
  private final long deadlineNanos;
  private final TimeSource time;

  /**
   * @param limit the most bytes a body may have; a larger one is {@link BodyProblem#TOO_LARGE}, not read whole
   * @param deadlineNanos how long, from the first read, the whole body may take
   * @param time schedules the deadline
   */
  BodyReader(int limit, long deadlineNanos, TimeSource time) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + limit);
    }
    this.limit = limit;
    this.deadlineNanos = deadlineNanos;
    this.time = time;
  }

  int limit() {
    return limit;
  }

  /**
   * Reads the body of {@code request} and hands it to {@code then} exactly once: on this thread when the body is
   * already here, else on the thread that delivers its last bytes, its failure or the deadline.
   */
  void read(Request request, Consumer<ReceivedBody> then) {
    long declared = request.getLength();
    if (declared > limit) {
      // Refused unread: the answer does not wait for megabytes the mock would throw away.
      then.accept(new ReceivedBody(new byte[0], 0, declared, limit, seconds(), BodyProblem.TOO_LARGE));
      return;
    }
    new Reading(request, declared, then).run();
  }

  private long seconds() {
    return TimeUnit.NANOSECONDS.toSeconds(deadlineNanos);
  }

  /** One body being read: the demand callback and the deadline race to finish it; the first one wins. */
  private final class Reading implements Runnable {
    private final Request request;
    private final long declared;
    private final Consumer<ReceivedBody> then;
    private final AtomicBoolean finished = new AtomicBoolean();
    private byte[] buffer;
    private int length;
    private volatile TimeSource.Cancellable deadline;

    Reading(Request request, long declared, Consumer<ReceivedBody> then) {
      this.request = request;
      this.declared = declared;
      this.then = then;
      // A declared length gets an array of exactly that size, which the journal then keeps without a copy.
      this.buffer = new byte[declared >= 0 ? (int) declared : 256];
    }

    /** Reads what is there; registers for more when nothing is. Runs on Jetty's threads, one at a time. */
    @Override
    public void run() {
      while (!finished.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          if (deadline == null) {
            deadline = time.schedule(deadlineNanos, () -> finish(BodyProblem.TOO_SLOW));
          }
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          finish(classify(chunk.getFailure(), declared < 0 && !inputShutdown(request)));
          return;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        int n = bytes.remaining();
        boolean last = chunk.isLast();
        if ((long) length + n > limit) {
          chunk.release();
          finish(BodyProblem.TOO_LARGE);
          return;
        }
        // Guarded by this: the deadline may finish the reading from the scheduler's thread meanwhile.
        synchronized (this) {
          if (length + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(limit, Math.max(length + n, buffer.length * 2)));
          }
          bytes.get(buffer, length, n);
          length += n;
        }
        chunk.release();
        if (last) {
          finish(null);
          return;
        }
      }
    }

    private void finish(BodyProblem problem) {
      if (!finished.compareAndSet(false, true)) {
        return;
      }
      TimeSource.Cancellable pending = deadline;
      if (pending != null) {
        pending.cancel();
      }
      ReceivedBody body;
      synchronized (this) {
        body = new ReceivedBody(buffer, length, declared, limit, seconds(), problem);
      }
      then.accept(body);
    }
  }

  /**
   * What a failed read means for the client: its slowness, its framing, its early end or a broken connection.
   * Jetty reports a malformed chunk and a client's early end alike ("Early EOF"); only in the second has the client
   * shut its side, so {@code parserGaveUp} (a chunked body whose connection is still open) tells them apart.
   */
  static BodyProblem classify(Throwable failure, boolean parserGaveUp) {
    if (failure instanceof TimeoutException) {
      return BodyProblem.TOO_SLOW;
    }
    if (failure instanceof HttpException http && http.getCode() == 400 && !isEarlyEof(failure)) {
      return BodyProblem.BAD_FRAMING;
    }
    if (failure instanceof EofException && isEarlyEof(failure)) {
      return parserGaveUp ? BodyProblem.BAD_FRAMING : BodyProblem.ENDED_EARLY;
    }
    return BodyProblem.ABORTED;
  }

  private static boolean inputShutdown(Request request) {
    try {
      return request.getConnectionMetaData().getConnection().getEndPoint().isInputShutdown();
    } catch (RuntimeException e) {
      return true;
    }
  }

  private static boolean isEarlyEof(Throwable failure) {
    return failure.getMessage() != null && failure.getMessage().toLowerCase(java.util.Locale.ROOT).contains("eof");
  }
}
