package io.vaar.transforms.providers;

import java.time.Duration;

/**
 * The time source and the sleep of the call-handling decorators. Rate limits and retry backoff
 * read and wait through it, so tests can run minutes of backoff or a rate budget instantly with
 * a clock that advances when slept on.
 */
public interface CallClock {

  /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /** Blocks the calling thread for the given time. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real clock. */
  static CallClock system() {
    return SystemCallClock.INSTANCE;
  }

  /** The real clock as an enum singleton, so it needs no state and no instances. */
  enum SystemCallClock implements CallClock {
    INSTANCE;

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      if (!duration.isNegative() && !duration.isZero()) {
        Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
      }
    }
  }
}
