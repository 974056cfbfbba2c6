package io.vaar.sem.linalg;

/**
 * A vector stored as its nonzero entries in increasing index order. The derivative vectors of
 * Σ and μ are mostly of this kind — a loading or residual moves one indicator, an intercept one
 * mean — so products with them cost their few nonzeros instead of the model's width.
 */
public record SparseVector(int[] index, double[] value) {
  /** The nonzeros of a dense vector. */
  public static SparseVector of(double[] dense) {
    int count = 0;
    for (double v : dense) {
      if (v != 0) {
        count++;
      }
    }
    int[] index = new int[count];
    double[] value = new double[count];
    int k = 0;
    for (int i = 0; i < dense.length; i++) {
      if (dense[i] != 0) {
        index[k] = i;
        value[k++] = dense[i];
      }
    }
    return new SparseVector(index, value);
  }

  public int nonzeros() {
    return index.length;
  }

  /**
   * The entries kept by {@code position} (old index to new, -1 to drop), renumbered: a vector
   * over all variables restricted to those one missing-data pattern observes.
   */
  public SparseVector restrict(int[] position) {
    int count = 0;
    for (int i : index) {
      if (position[i] >= 0) {
        count++;
      }
    }
    if (count == index.length && isIdentity(position)) {
      return this;
    }
    int[] idx = new int[count];
    double[] val = new double[count];
    int k = 0;
    for (int n = 0; n < index.length; n++) {
      int to = position[index[n]];
      if (to >= 0) {
        idx[k] = to;
        val[k++] = value[n];
      }
    }
    return new SparseVector(idx, val);
  }

  private static boolean isIdentity(int[] position) {
    for (int i = 0; i < position.length; i++) {
      if (position[i] != i) {
        return false;
      }
    }
    return true;
  }

  /** The dot product with a dense vector. */
  public double dot(double[] dense) {
    double s = 0;
    for (int n = 0; n < index.length; n++) {
      s += value[n] * dense[index[n]];
    }
    return s;
  }

  /** W v for a dense symmetric W: a combination of W's rows (= columns) at the nonzeros. */
  public double[] timesSymmetric(double[][] w) {
    double[] out = new double[w.length];
    for (int n = 0; n < index.length; n++) {
      double v = value[n];
      double[] row = w[index[n]];
      for (int i = 0; i < out.length; i++) {
        out[i] += v * row[i];
      }
    }
    return out;
  }
}
