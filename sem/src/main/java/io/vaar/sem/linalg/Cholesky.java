package io.vaar.sem.linalg;

/**
 * The Cholesky factorisation {@code A = L L'} of a symmetric positive-definite matrix, with
 * solves, the inverse and the log-determinant. {@link #of} returns {@code null} when the matrix
 * is not numerically positive definite, because callers (line searches, identification checks)
 * treat that as an ordinary outcome rather than an error.
 */
public final class Cholesky {
  private final double[][] lower;
  private final int size;

  private Cholesky(double[][] lower) {
    this.lower = lower;
    this.size = lower.length;
  }

  /** Factorises {@code a} (only its lower triangle is read), or returns null if not positive definite. */
  public static Cholesky of(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int j = 0; j < n; j++) {
      double[] lj = l[j];
      double d = a[j][j];
      for (int k = 0; k < j; k++) {
        d -= lj[k] * lj[k];
      }
      if (!(d > 0) || Double.isNaN(d)) {
        return null;
      }
      double djj = Math.sqrt(d);
      lj[j] = djj;
      for (int i = j + 1; i < n; i++) {
        double[] li = l[i];
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= li[k] * lj[k];
        }
        li[j] = s / djj;
      }
    }
    return new Cholesky(l);
  }

  public int size() {
    return size;
  }

  /** The smallest diagonal element of L squared relative to the largest: a cheap conditioning signal. */
  public double pivotRatio() {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (int i = 0; i < size; i++) {
      double d = lower[i][i] * lower[i][i];
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    return size == 0 ? 1 : min / max;
  }

  public double logDeterminant() {
    double s = 0;
    for (int i = 0; i < size; i++) {
      s += Math.log(lower[i][i]);
    }
    return 2 * s;
  }

  /** Solves {@code A x = b} and returns x (b is left unchanged). */
  public double[] solve(double[] b) {
    double[] x = b.clone();
    solveInPlace(x);
    return x;
  }

  /** Overwrites {@code x} (holding b) with the solution of {@code A x = b}. */
  public void solveInPlace(double[] x) {
    int n = size;
    for (int i = 0; i < n; i++) {
      double[] li = lower[i];
      double s = x[i];
      for (int k = 0; k < i; k++) {
        s -= li[k] * x[k];
      }
      x[i] = s / li[i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = x[i];
      for (int k = i + 1; k < n; k++) {
        s -= lower[k][i] * x[k];
      }
      x[i] = s / lower[i][i];
    }
  }

  /** Solves {@code A X = B} for a matrix right-hand side given as rows (n x k); returns X (n x k). */
  public double[][] solveMatrix(double[][] b) {
    int n = size;
    int k = n == 0 ? 0 : b[0].length;
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = b[i].clone();
    }
    for (int i = 0; i < n; i++) {
      double[] li = lower[i];
      double[] xi = x[i];
      for (int m = 0; m < i; m++) {
        double f = li[m];
        if (f != 0) {
          double[] xm = x[m];
          for (int c = 0; c < k; c++) {
            xi[c] -= f * xm[c];
          }
        }
      }
      double inv = 1 / li[i];
      for (int c = 0; c < k; c++) {
        xi[c] *= inv;
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      double[] xi = x[i];
      for (int m = i + 1; m < n; m++) {
        double f = lower[m][i];
        if (f != 0) {
          double[] xm = x[m];
          for (int c = 0; c < k; c++) {
            xi[c] -= f * xm[c];
          }
        }
      }
      double inv = 1 / lower[i][i];
      for (int c = 0; c < k; c++) {
        xi[c] *= inv;
      }
    }
    return x;
  }

  /** The inverse of A, symmetric. */
  public double[][] inverse() {
    double[][] identity = new double[size][size];
    for (int i = 0; i < size; i++) {
      identity[i][i] = 1;
    }
    return solveMatrix(identity);
  }
}
