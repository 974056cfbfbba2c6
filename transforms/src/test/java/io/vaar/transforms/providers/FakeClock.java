package io.vaar.transforms.providers;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that advances only when slept on, and remembers every sleep. */
final class FakeClock implements CallClock {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public long nanoTime() {
    return now.get();
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    now.addAndGet(duration.toNanos());
  }

  /** The non-zero sleeps, in order. */
  List<Duration> sleeps() {
    return sleeps.stream().filter(d -> !d.isZero()).toList();
  }

  Duration elapsed() {
    return Duration.ofNanos(now.get() - 1_000_000_000L);
  }
}
