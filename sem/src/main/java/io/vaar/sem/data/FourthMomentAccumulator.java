package io.vaar.sem.data;

/**
 * A mergeable accumulator of {@link FourthMoments}: a {@link MomentAccumulator} over
 * {@code z = (y, vech(y y'))}, so rows accumulated in parallel shards and merged give exactly
 * the moments of all rows. Memory and per-row cost grow with p⁴ (for 32 items, z has 560
 * entries and the stored lower triangle of its scatter 157,080 doubles, about 1.3 MB).
 */
public final class FourthMomentAccumulator {
  private final int p;
  private final MomentAccumulator z;

  public FourthMomentAccumulator(int variables) {
    this(variables, new MomentAccumulator(FourthMoments.width(variables)));
  }

  private FourthMomentAccumulator(int variables, MomentAccumulator z) {
    this.p = variables;
    this.z = z;
  }

  /** Resumes accumulating from earlier moments (possibly of no rows). */
  public static FourthMomentAccumulator of(FourthMoments m) {
    return new FourthMomentAccumulator(m.variables(),
        MomentAccumulator.of(m.n(), m.zMean(), m.zScatter()));
  }

  public long count() {
    return z.count();
  }

  public int variables() {
    return p;
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

  /** The moments so far; with no rows, n = 0 and zero means and scatter. */
  public FourthMoments toMoments() {
    return new FourthMoments(z.count(), p, z.mean(), z.scatter());
  }
}
