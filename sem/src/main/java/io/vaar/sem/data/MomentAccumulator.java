package io.vaar.sem.data;

/**
 * A mergeable accumulator of count, means and centred cross-products, updated one row at a
 * time (Welford) and merged pairwise (Chan et al.), so that moments computed in parallel
 * shards and combined equal the moments of all rows. This is what a distributed combine
 * stage keeps per group.
 */
public final class MomentAccumulator {
  private final int p;
  private long n;
  private final double[] mean;
  private final double[][] scatter;

  public MomentAccumulator(int variables) {
    this.p = variables;
    this.mean = new double[variables];
    this.scatter = new double[variables][variables];
  }

  public long count() {
    return n;
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

  public SampleMoments toMoments() {
    double[][] cov = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double v = scatter[i][j] / n;
        cov[i][j] = v;
        cov[j][i] = v;
      }
    }
    return new SampleMoments(n, mean.clone(), cov);
  }
}
