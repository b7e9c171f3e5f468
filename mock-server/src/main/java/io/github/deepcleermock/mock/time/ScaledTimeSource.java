package io.github.deepcleermock.mock.time;

import java.time.Instant;

/**
 * A view of another {@link TimeSource} on which time runs {@code scale} times faster ({@code --time-scale}): the
 * ticker advances scale seconds per real second and a delay of d is scheduled after d / scale. Timestamps
 * ({@link #now()}) stay real. Only the simulation and callback retries use it; the QPS limiter keeps real time.
 */
public final class ScaledTimeSource implements TimeSource {

  private final TimeSource real;
  private final double scale;
  private final long origin;

  /** @param scale how many times faster than {@code real} (at least 1) */
  public ScaledTimeSource(TimeSource real, double scale) {
    if (!(scale >= 1) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("timeScale: must be a finite number of at least 1, was " + scale);
    }
    this.real = real;
    this.scale = scale;
    this.origin = real.nanoTime();
  }

  /** {@code real} itself at scale 1, else a scaled view of it. */
  public static TimeSource of(TimeSource real, double scale) {
    return scale == 1 ? real : new ScaledTimeSource(real, scale);
  }

  @Override
  public long nanoTime() {
    return origin + (long) ((real.nanoTime() - origin) * scale);
  }

  @Override
  public Instant now() {
    return real.now();
  }

  @Override
  public long epochNanos() {
    return real.epochNanos();
  }

  @Override
  public Cancellable schedule(long delayNanos, Runnable task) {
    return real.schedule((long) (Math.max(0, delayNanos) / scale), task);
  }
}
