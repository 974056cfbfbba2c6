package io.vaar.pipeline.history;

import java.util.Locale;

/**
 * A closed interval {@code [lower, upper]}: the 95% bootstrap interval of a VAAR or a path
 * estimate. Two intervals that share a point overlap, so only a clear separation counts as drift.
 */
public record Interval(double lower, double upper) {

  public Interval {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("an interval needs lower <= upper, got [" + lower + ", "
          + upper + "]");
    }
  }

  /** Whether the two intervals have at least one point in common. */
  public boolean overlaps(Interval other) {
    return lower <= other.upper && other.lower <= upper;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "[%.3f, %.3f]", lower, upper);
  }
}
