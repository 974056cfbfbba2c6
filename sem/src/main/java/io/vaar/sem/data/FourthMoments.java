package io.vaar.sem.data;

/**
 * What MLR needs beyond means and covariances, in mergeable form: the mean and centred scatter
 * of {@code z = (y, vech(y y'))}, the rows' values and their pairwise products. Every casewise
 * score of a normal model is affine in z, so the Huber–White "meat" and the Yuan–Bentler trace
 * follow from these moments without the rows. The vech part lists pairs (i, j), i ≤ j, row by
 * row.
 */
public record FourthMoments(long n, int variables, double[] zMean, double[][] zScatter) {

  /** Length of z for p variables. */
  public static int width(int p) {
    return p + p * (p + 1) / 2;
  }

  /** Position of the product y_i y_j (any order) in z. */
  public static int pairIndex(int p, int i, int j) {
    int a = Math.min(i, j);
    int b = Math.max(i, j);
    return p + a * p - a * (a - 1) / 2 + (b - a);
  }

  /** The means and covariances (divisor n) these moments imply. */
  public SampleMoments toSampleMoments() {
    int p = variables;
    double[] mean = new double[p];
    System.arraycopy(zMean, 0, mean, 0, p);
    double[][] cov = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        cov[i][j] = zMean[pairIndex(p, i, j)] - mean[i] * mean[j];
      }
    }
    return new SampleMoments(n, mean, cov);
  }

  /** The moments of a subset of the variables, in the given order. */
  public FourthMoments select(int[] columns) {
    int q = columns.length;
    int[] map = new int[width(q)];
    for (int i = 0; i < q; i++) {
      map[i] = columns[i];
      for (int j = i; j < q; j++) {
        map[pairIndex(q, i, j)] = pairIndex(variables, columns[i], columns[j]);
      }
    }
    double[] mean = new double[map.length];
    double[][] scatter = new double[map.length][map.length];
    for (int a = 0; a < map.length; a++) {
      mean[a] = zMean[map[a]];
      for (int b = 0; b < map.length; b++) {
        scatter[a][b] = zScatter[map[a]][map[b]];
      }
    }
    return new FourthMoments(n, q, mean, scatter);
  }
}
