package io.vaar.transforms.providers;

import java.time.Duration;

/**
 * A per-minute budget (requests or tokens) that is never exceeded: each call reserves its cost
 * and is told how long to wait before it may start, so that calls start no faster than the
 * budget refills. This is the "virtual scheduling" form of a token bucket with no burst
 * allowance: in any minute the calls started cost at most the budget plus the cost of one call.
 * A cost that turns out different from its reservation (tokens are only known after the reply)
 * is settled with {@link #settle}, which moves later calls' start times accordingly.
 */
public final class TokenBucket {

  private final double nanosPerUnit;
  private final CallClock clock;
  private long nextStart;

  /**
   * @param unitsPerMinute the budget, e.g. {@code requests_per_minute}
   */
  public TokenBucket(double unitsPerMinute, CallClock clock) {
    if (!(unitsPerMinute > 0)) {
      throw new IllegalArgumentException("budget per minute must be positive: " + unitsPerMinute);
    }
    this.nanosPerUnit = 60e9 / unitsPerMinute;
    this.clock = clock;
    this.nextStart = clock.nanoTime();
  }

  /** Reserves {@code cost} units and returns how long the caller must wait before starting. */
  public synchronized Duration reserve(double cost) {
    long now = clock.nanoTime();
    long start = Math.max(now, nextStart);
    nextStart = start + Math.round(cost * nanosPerUnit);
    return Duration.ofNanos(start - now);
  }

  /** Corrects an earlier reservation by {@code delta} units (positive: the call cost more). */
  public synchronized void settle(double delta) {
    nextStart += Math.round(delta * nanosPerUnit);
  }
}
