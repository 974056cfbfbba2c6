package io.vaar.sem.estimation;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The moments a RAM model implies for one group — the covariance matrix Σ and mean vector μ of
 * the observed variables — together with the intermediate products the derivatives need:
 * F·B (observed rows of (I − A)⁻¹), F·B·S·B' and B·m, and the total covariance matrix of all
 * variables, observed and latent.
 */
public final class ImpliedMoments {
  final double[][] a;
  final double[][] s;
  final double[][] b;
  /** Observed rows of B: p x nv. */
  final double[][] fb;
  /** F B S B': p x nv. */
  final double[][] fbsb;
  /** B m: nv. */
  final double[] bm;
  final double[][] sigma;
  final double[] mu;

  private ImpliedMoments(double[][] a, double[][] s, double[][] b, double[][] fb, double[][] fbsb,
      double[] bm, double[][] sigma, double[] mu) {
    this.a = a;
    this.s = s;
    this.b = b;
    this.fb = fb;
    this.fbsb = fbsb;
    this.bm = bm;
    this.sigma = sigma;
    this.mu = mu;
  }

  static ImpliedMoments compute(int p, double[][] a, double[][] s, double[] m) {
    int nv = a.length;
    double[][] ia = new double[nv][nv];
    boolean hasEffects = false;
    for (int i = 0; i < nv; i++) {
      for (int j = 0; j < nv; j++) {
        ia[i][j] = -a[i][j];
        hasEffects |= a[i][j] != 0;
      }
      ia[i][i] += 1;
    }
    double[][] b;
    if (!hasEffects) {
      b = ia;
    } else {
      RealMatrix inv = new LUDecomposition(MatrixUtils.createRealMatrix(ia), 1e-14).getSolver()
          .getInverse();
      b = inv.getData();
    }
    double[][] fb = new double[p][];
    for (int i = 0; i < p; i++) {
      fb[i] = b[i];
    }
    // T = FB S  (p x nv)
    double[][] t = new double[p][nv];
    for (int i = 0; i < p; i++) {
      double[] fbi = fb[i];
      double[] ti = t[i];
      for (int k = 0; k < nv; k++) {
        double f = fbi[k];
        if (f != 0) {
          double[] sk = s[k];
          for (int j = 0; j < nv; j++) {
            ti[j] += f * sk[j];
          }
        }
      }
    }
    // C = T B'  (p x nv): C[i][j] = sum_k T[i][k] B[j][k]
    double[][] c = new double[p][nv];
    for (int i = 0; i < p; i++) {
      double[] ti = t[i];
      for (int j = 0; j < nv; j++) {
        double[] bj = b[j];
        double sum = 0;
        for (int k = 0; k < nv; k++) {
          sum += ti[k] * bj[k];
        }
        c[i][j] = sum;
      }
    }
    double[][] sigma = new double[p][p];
    for (int i = 0; i < p; i++) {
      System.arraycopy(c[i], 0, sigma[i], 0, p);
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < i; j++) {
        double avg = 0.5 * (sigma[i][j] + sigma[j][i]);
        sigma[i][j] = avg;
        sigma[j][i] = avg;
      }
    }
    double[] bm = new double[nv];
    for (int i = 0; i < nv; i++) {
      double sum = 0;
      for (int k = 0; k < nv; k++) {
        sum += b[i][k] * m[k];
      }
      bm[i] = sum;
    }
    double[] mu = new double[p];
    System.arraycopy(bm, 0, mu, 0, p);
    return new ImpliedMoments(a, s, b, fb, c, bm, sigma, mu);
  }

  public double[][] sigma() {
    return sigma;
  }

  public double[] mu() {
    return mu;
  }

  /** Means of all variables (observed and latent) implied by the model. */
  public double[] allMeans() {
    return bm.clone();
  }

  /** Covariance matrix of all variables (observed and latent): B S B'. */
  public double[][] allCovariance() {
    int nv = b.length;
    double[][] bs = new double[nv][nv];
    for (int i = 0; i < nv; i++) {
      for (int k = 0; k < nv; k++) {
        double f = b[i][k];
        if (f != 0) {
          for (int j = 0; j < nv; j++) {
            bs[i][j] += f * s[k][j];
          }
        }
      }
    }
    double[][] out = new double[nv][nv];
    for (int i = 0; i < nv; i++) {
      for (int j = 0; j < nv; j++) {
        double sum = 0;
        for (int k = 0; k < nv; k++) {
          sum += bs[i][k] * b[j][k];
        }
        out[i][j] = sum;
      }
    }
    return out;
  }

  /**
   * Writes the derivative of Σ and μ with respect to one matrix element as
   * dΣ = x y' + y x' and dμ = dm (vectors of length p; y may alias a scaled x).
   */
  void derivative(RamModel.Element e, double[] x, double[] y, double[] dm, boolean means) {
    int p = fb.length;
    switch (e.matrix()) {
      case A -> {
        int i = e.row();
        int j = e.col();
        for (int r = 0; r < p; r++) {
          x[r] = fb[r][i];
          y[r] = fbsb[r][j];
          dm[r] = means ? fb[r][i] * bm[j] : 0;
        }
      }
      case S -> {
        int i = e.row();
        int j = e.col();
        double half = i == j ? 0.5 : 1;
        for (int r = 0; r < p; r++) {
          x[r] = fb[r][i];
          y[r] = half * fb[r][j];
          dm[r] = 0;
        }
      }
      case M -> {
        int i = e.row();
        for (int r = 0; r < p; r++) {
          x[r] = 0;
          y[r] = 0;
          dm[r] = means ? fb[r][i] : 0;
        }
      }
    }
  }
}
