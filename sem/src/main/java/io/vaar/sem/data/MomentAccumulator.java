package io.vaar.sem.data;

/**
 * A mergeable accumulator of count, means and centred cross-products, updated one row at a
 * time (Welford) and merged pairwise (Chan et al.), so that moments computed in parallel
 * shards and combined equal the moments of all rows. This is what a distributed combine
 * stage keeps per group. Only the lower triangle of the scatter is stored, which halves the
 * memory of wide accumulators (the fourth-moment one is 560 wide for 32 items).
 */
public final class MomentAccumulator {
  private final int p;
  private long n;
  private final double[] mean;
  /** Row i holds the centred cross-products with variables 0..i. */
  private final double[][] scatter;

  public MomentAccumulator(int variables) {
    this.p = variables;
    this.mean = new double[variables];
    this.scatter = new double[variables][];
    for (int i = 0; i < variables; i++) {
      scatter[i] = new double[i + 1];
    }
  }

  /** Resumes from a state: count, means and the (symmetric) centred scatter, e.g. decoded. */
  public static MomentAccumulator of(long n, double[] mean, double[][] scatter) {
    MomentAccumulator acc = new MomentAccumulator(mean.length);
    acc.n = n;
    System.arraycopy(mean, 0, acc.mean, 0, mean.length);
    for (int i = 0; i < mean.length; i++) {
      System.arraycopy(scatter[i], 0, acc.scatter[i], 0, i + 1);
    }
    return acc;
  }

  public long count() {
    return n;
  }

  public int width() {
    return p;
  }

  /** Adds one complete row. */
  public void add(double[] row) {
    n++;
    double[] delta = new double[p];
    for (int i = 0; i < p; i++) {
      delta[i] = row[i] - mean[i];
      mean[i] += delta[i] / n;
    }
    for (int i = 0; i < p; i++) {
      double di = row[i] - mean[i];
      double[] si = scatter[i];
      for (int j = 0; j <= i; j++) {
        si[j] += di * delta[j];
      }
    }
  }

  /** Merges another accumulator of the same width into this one. */
  public void merge(MomentAccumulator other) {
    if (other.p != p) {
      throw new IllegalArgumentException("accumulators of different widths");
    }
    if (other.n == 0) {
      return;
    }
    long total = n + other.n;
    double[] delta = new double[p];
    for (int i = 0; i < p; i++) {
      delta[i] = other.mean[i] - mean[i];
    }
    double factor = (double) n * other.n / total;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        scatter[i][j] += other.scatter[i][j] + factor * delta[i] * delta[j];
      }
      mean[i] += delta[i] * other.n / total;
    }
    n = total;
  }

  /** A copy of the means (zero before the first row). */
  public double[] mean() {
    return mean.clone();
  }

  /** The full symmetric centred scatter Σ (y - ȳ)(y - ȳ)', a copy. */
  public double[][] scatter() {
    double[][] full = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        full[i][j] = scatter[i][j];
        full[j][i] = scatter[i][j];
      }
    }
    return full;
  }

  public SampleMoments toMoments() {
    double[][] cov = scatter();
    for (double[] row : cov) {
      for (int j = 0; j < p; j++) {
        row[j] /= n;
      }
    }
    return new SampleMoments(n, mean.clone(), cov);
  }
}
