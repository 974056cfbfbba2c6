package io.vaar.pipeline;

import java.util.Arrays;

/**
 * The wall time of one fit over {@code --repeat N} fits in one JVM: the number of fits and the
 * median time of one fit in milliseconds. The median, not the mean, so that the first fit's
 * class loading and JIT warm-up do not count.
 */
record FitTiming(int repeats, double medianMs) {

  /** The timing of fits that took the given times in nanoseconds. */
  static FitTiming ofNanos(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    return new FitTiming(n, median / 1e6);
  }
}
