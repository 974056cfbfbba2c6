package io.vaar.pipeline.history;

/**
 * One number a run concluded — a model's VAAR or one path's estimate — with its bootstrap
 * interval, or a null interval when the run was made without a bootstrap ({@code bootstrap: 0})
 * and so cannot show drift.
 */
public record Estimate(double value, Interval interval) {

  /** Whether both estimates have intervals and these do not overlap. */
  public boolean separatedFrom(Estimate other) {
    return interval != null && other.interval != null && !interval.overlaps(other.interval);
  }
}
