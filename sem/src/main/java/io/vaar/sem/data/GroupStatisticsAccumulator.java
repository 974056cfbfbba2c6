package io.vaar.sem.data;

import io.vaar.sem.SemInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the {@link GroupStatistics} of one group from rows arriving in any order and in any
 * number of shards: complete rows go into a {@link FourthMomentAccumulator}, incomplete ones
 * are kept. Merging is associative and commutative — exactly for the kept rows (the snapshot
 * sorts them), up to floating-point rounding for the pooled moments — so a distributed combine
 * stage gives the statistics of all rows however they were split. For 32 items it holds
 * about 1.3 MB (the lower triangle of the fourth-moment scatter) plus 272 bytes per kept
 * incomplete row, and a complete row costs about 160,000 multiply-adds.
 */
public final class GroupStatisticsAccumulator {
  private final int variables;
  private final FourthMomentAccumulator complete;
  private final List<double[]> incomplete = new ArrayList<>();

  public GroupStatisticsAccumulator(int variables) {
    this(variables, new FourthMomentAccumulator(variables));
  }

  private GroupStatisticsAccumulator(int variables, FourthMomentAccumulator complete) {
    this.variables = variables;
    this.complete = complete;
  }

  /** Resumes accumulating from a snapshot, e.g. one a coder has just decoded. */
  public static GroupStatisticsAccumulator of(GroupStatistics statistics) {
    GroupStatisticsAccumulator acc = new GroupStatisticsAccumulator(statistics.variables(),
        FourthMomentAccumulator.of(statistics.complete()));
    for (double[] row : statistics.incompleteRows()) {
      acc.incomplete.add(row.clone());
    }
    return acc;
  }

  public int variables() {
    return variables;
  }

  /** Rows with at least one observed value so far. */
  public long cases() {
    return complete.count() + incomplete.size();
  }

  /** Adds one row in this accumulator's variable order; NaN marks a missing value. */
  public void add(double[] row) {
    if (row.length != variables) {
      throw new SemInputException("a row has " + row.length + " values but the accumulator"
          + " was made for " + variables + " variables");
    }
    int observed = MissingPatterns.observedIndices(row).length;
    if (observed == variables) {
      complete.add(row);
    } else if (observed > 0) {
      incomplete.add(row.clone());
    }
  }

  /** Adds everything {@code other} has seen; {@code other} is left unchanged. */
  public void merge(GroupStatisticsAccumulator other) {
    if (other.variables != variables) {
      throw new SemInputException("cannot merge statistics of " + other.variables
          + " variables into statistics of " + variables + " variables");
    }
    complete.merge(other.complete);
    for (double[] row : other.incomplete) {
      incomplete.add(row.clone());
    }
  }

  /** An immutable snapshot; the incomplete rows are sorted so that it does not depend on arrival order. */
  public GroupStatistics snapshot() {
    double[][] rows = incomplete.stream().map(double[]::clone).toArray(double[][]::new);
    Arrays.sort(rows, Arrays::compare);
    return new GroupStatistics(variables, complete.toMoments(), rows);
  }
}
