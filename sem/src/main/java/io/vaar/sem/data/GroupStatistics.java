package io.vaar.sem.data;

import io.vaar.sem.SemInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a fit needs from the rows of one group, as plain arrays a pipeline coder can
 * write: the {@link FourthMoments} of the complete rows, and the incomplete rows verbatim
 * (NaN = missing, at least one value observed; sorted in snapshots). Treat it as immutable —
 * accumulators hand out fresh arrays. Complete rows are pooled because their fourth moments
 * carry all that ML, MLR and FIML need from them; incomplete rows are kept because MLR under
 * FIML needs each case's score over its own observed variables: per-pattern second moments
 * would serve only FIML estimates and ML standard errors, and per-pattern fourth moments
 * (2.5 MB each for 32 items) would cost far more than a minority of rows (256 bytes each).
 * Rows with nothing observed are not kept, as neither listwise deletion nor FIML uses them.
 * For 32 items the moments hold 560 means and a 560 x 560 symmetric scatter (2.5 MB; a coder
 * need only write its lower triangle, 1.26 MB).
 */
public record GroupStatistics(int variables, FourthMoments complete, double[][] incompleteRows) {

  public GroupStatistics {
    if (complete.variables() != variables) {
      throw new SemInputException("the complete-row moments cover " + complete.variables()
          + " variables, not " + variables);
    }
    for (double[] row : incompleteRows) {
      if (row.length != variables) {
        throw new SemInputException("an incomplete row has " + row.length + " values, not "
            + variables);
      }
      int observed = MissingPatterns.observedIndices(row).length;
      if (observed == 0 || observed == variables) {
        throw new SemInputException("incomplete rows must have some but not all values"
            + " observed; complete rows belong in the moments");
      }
    }
  }

  /** Number of rows with at least one observed value. */
  public long cases() {
    return complete.n() + incompleteRows.length;
  }

  /**
   * The statistics of a subset of the variables, in the given order: rows incomplete only on
   * other variables become complete and join the moments, as listwise deletion over the chosen
   * columns would keep them.
   */
  public GroupStatistics select(int[] columns) {
    FourthMomentAccumulator pooled = FourthMomentAccumulator.of(complete.select(columns));
    List<double[]> stillIncomplete = new ArrayList<>();
    for (double[] row : incompleteRows) {
      double[] sub = new double[columns.length];
      for (int i = 0; i < columns.length; i++) {
        sub[i] = row[columns[i]];
      }
      int observed = MissingPatterns.observedIndices(sub).length;
      if (observed == columns.length) {
        pooled.add(sub);
      } else if (observed > 0) {
        stillIncomplete.add(sub);
      }
    }
    return new GroupStatistics(columns.length, pooled.toMoments(),
        stillIncomplete.toArray(new double[0][]));
  }
}
