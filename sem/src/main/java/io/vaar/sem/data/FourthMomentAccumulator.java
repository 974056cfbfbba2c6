package io.vaar.sem.data;

/**
 * A mergeable accumulator of {@link FourthMoments}: a {@link MomentAccumulator} over
 * {@code z = (y, vech(y y'))}, so rows accumulated in parallel shards and merged give exactly
 * the moments of all rows. Memory and per-row cost grow with p⁴ (for 32 items, z has 560
 * entries).
 */
public final class FourthMomentAccumulator {
  private final int p;
  private final MomentAccumulator z;

  public FourthMomentAccumulator(int variables) {
    this.p = variables;
    this.z = new MomentAccumulator(FourthMoments.width(variables));
  }

  public long count() {
    return z.count();
  }

  /** Adds one complete row. */
  public void add(double[] row) {
    double[] zRow = new double[FourthMoments.width(p)];
    for (int i = 0; i < p; i++) {
      zRow[i] = row[i];
      for (int j = i; j < p; j++) {
        zRow[FourthMoments.pairIndex(p, i, j)] = row[i] * row[j];
      }
    }
    z.add(zRow);
  }

  public void merge(FourthMomentAccumulator other) {
    if (other.p != p) {
      throw new IllegalArgumentException("accumulators of different widths");
    }
    z.merge(other.z);
  }

  public FourthMoments toMoments() {
    SampleMoments m = z.toMoments();
    double[][] scatter = m.cov();
    for (double[] row : scatter) {
      for (int b = 0; b < row.length; b++) {
        row[b] *= m.n();
      }
    }
    return new FourthMoments(m.n(), p, m.mean(), scatter);
  }
}
