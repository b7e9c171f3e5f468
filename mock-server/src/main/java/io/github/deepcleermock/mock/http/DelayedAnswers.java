package io.github.deepcleermock.mock.http;

import io.github.deepcleermock.mock.time.TimeSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Answers held back by a delay. The request has already been decided; only the write waits, on the time source's
 * scheduler, so no server thread is held. A reset or shutdown releases them at once, so no client hangs.
 */
public final class DelayedAnswers {

  private final TimeSource time;
  private final Map<Object, Held> held = new ConcurrentHashMap<>();

  public DelayedAnswers(TimeSource time) {
    this.time = time;
  }

  /** Runs {@code answer} once {@code delayNanos} have passed, or earlier on {@link #releaseAll()}. */
  void hold(long delayNanos, Runnable answer) {
    Object key = new Object();
    Held entry = new Held(answer);
    held.put(key, entry);
    entry.cancellable =
        time.schedule(
            delayNanos,
            () -> {
              held.remove(key);
              entry.run();
            });
  }

  /** Answers everything still held, now. */
  public void releaseAll() {
    for (var entry : held.entrySet()) {
      if (held.remove(entry.getKey()) != null) {
        Held h = entry.getValue();
        if (h.cancellable != null) {
          h.cancellable.cancel();
        }
        h.run();
      }
    }
  }

  /** How many answers are waiting. */
  public int pending() {
    return held.size();
  }

  private static final class Held {
    final Runnable answer;
    final AtomicBoolean done = new AtomicBoolean();
    volatile TimeSource.Cancellable cancellable;

    Held(Runnable answer) {
      this.answer = answer;
    }

    void run() {
      if (done.compareAndSet(false, true)) {
        answer.run();
      }
    }
  }
}
