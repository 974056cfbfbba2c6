package io.vaar.sem.data;

/**
 * The sufficient statistics of one group for normal-theory estimation with complete data: the
 * number of cases, the mean vector and the covariance matrix with divisor n (as lavaan uses for
 * its normal likelihood).
 */
public record SampleMoments(long n, double[] mean, double[][] cov) {
  public SampleMoments {
    if (n < 1) {
      throw new IllegalArgumentException("a group needs at least one case");
    }
    if (cov.length != mean.length) {
      throw new IllegalArgumentException("mean and covariance sizes differ");
    }
  }

  public int variables() {
    return mean.length;
  }

  /** Moments of the given complete rows (no missing values). */
  public static SampleMoments of(double[][] rows) {
    MomentAccumulator acc = new MomentAccumulator(rows.length == 0 ? 0 : rows[0].length);
    for (double[] row : rows) {
      acc.add(row);
    }
    return acc.toMoments();
  }
}
