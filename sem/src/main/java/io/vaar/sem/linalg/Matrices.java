package io.vaar.sem.linalg;

/**
 * The few dense operations on plain arrays the estimator repeats: products, dot products, the
 * trace of a product and sums of matrices. Kept on {@code double[][]} so inner loops stay free
 * of allocation and indirection.
 */
public final class Matrices {
  private Matrices() {}

  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** a b for an n x k and a k x m matrix; skips zero elements of a, which are common here. */
  public static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    int k = b.length;
    int m = k == 0 ? 0 : b[0].length;
    double[][] out = new double[n][m];
    for (int i = 0; i < n; i++) {
      double[] oi = out[i];
      for (int t = 0; t < k; t++) {
        double v = a[i][t];
        if (v != 0) {
          double[] bt = b[t];
          for (int j = 0; j < m; j++) {
            oi[j] += v * bt[j];
          }
        }
      }
    }
    return out;
  }

  /** W x for a square W and a vector x. */
  public static double[] multiply(double[][] w, double[] x) {
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = dot(w[i], x);
    }
    return out;
  }

  /** tr(a b) for square matrices of the same size. */
  public static double traceOfProduct(double[][] a, double[][] b) {
    double t = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        t += a[i][j] * b[j][i];
      }
    }
    return t;
  }

  /** The element-wise sum of equally sized square matrices. */
  public static double[][] sum(double[][][] parts) {
    int q = parts[0].length;
    double[][] out = new double[q][q];
    for (double[][] part : parts) {
      for (int i = 0; i < q; i++) {
        for (int j = 0; j < q; j++) {
          out[i][j] += part[i][j];
        }
      }
    }
    return out;
  }
}
