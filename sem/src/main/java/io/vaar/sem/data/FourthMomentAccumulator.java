package io.vaar.sem.data;

/**
 * A mergeable accumulator of {@link FourthMoments}: Welford updates of the mean and centred
 * scatter of {@code z = (y, vech(y y'))} per row and Chan's pairwise merge, so shards
 * accumulated in parallel combine exactly. Memory and per-row cost grow with p⁴ (for 32
 * items, z has 560 entries).
 */
public final class FourthMomentAccumulator {
  private final int p;
  private final int d;
  private long n;
  private final double[] mean;
  private final double[][] scatter;

  public FourthMomentAccumulator(int variables) {
    this.p = variables;
    this.d = FourthMoments.width(variables);
    this.mean = new double[d];
    this.scatter = new double[d][d];
  }

  public long count() {
    return n;
  }

  /** Adds one complete row. */
  public void add(double[] row) {
    double[] z = new double[d];
    for (int i = 0; i < p; i++) {
      z[i] = row[i];
      for (int j = i; j < p; j++) {
        z[FourthMoments.pairIndex(p, i, j)] = row[i] * row[j];
      }
    }
    n++;
    double[] delta = new double[d];
    for (int a = 0; a < d; a++) {
      delta[a] = z[a] - mean[a];
      mean[a] += delta[a] / n;
    }
    for (int a = 0; a < d; a++) {
      double da = z[a] - mean[a];
      double[] sa = scatter[a];
      for (int b = 0; b <= a; b++) {
        sa[b] += da * delta[b];
      }
    }
  }

  public void merge(FourthMomentAccumulator other) {
    if (other.p != p) {
      throw new IllegalArgumentException("accumulators of different widths");
    }
    if (other.n == 0) {
      return;
    }
    long total = n + other.n;
    double factor = (double) n * other.n / total;
    double[] delta = new double[d];
    for (int a = 0; a < d; a++) {
      delta[a] = other.mean[a] - mean[a];
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        scatter[a][b] += other.scatter[a][b] + factor * delta[a] * delta[b];
      }
      mean[a] += delta[a] * other.n / total;
    }
    n = total;
  }

  public FourthMoments toMoments() {
    double[][] full = new double[d][d];
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        full[a][b] = scatter[a][b];
        full[b][a] = scatter[a][b];
      }
    }
    return new FourthMoments(n, p, mean.clone(), full);
  }
}
