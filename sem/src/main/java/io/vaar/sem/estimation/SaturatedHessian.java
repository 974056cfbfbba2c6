package io.vaar.sem.estimation;

import io.vaar.sem.linalg.Cholesky;
import io.vaar.sem.linalg.Matrices;
import java.util.List;

/**
 * The Hessian of one group's normal discrepancy with respect to the saturated moments
 * {@code (vech Σ, μ)}, in closed form, summed over the group's data units (missing-data
 * patterns). For a unit with n cases, observed block W = Σ_oo⁻¹, residual mean d and
 * C = S + d d' it is, in directions (E₁, m₁) and (E₂, m₂):
 * {@code n [m₁' W m₂ + m₁' W E₂ W d + m₂' W E₁ W d + ½ tr(W E₁ (2 W C W − W) E₂)]}
 * (Savalei 2010; lavaan's {@code lav_mvnorm_missing_information_observed_samplestats}).
 * Coordinates: vech Σ by rows of the lower triangle, index {@code a(a+1)/2 + b} for
 * {@code a ≥ b}, each meaning both symmetric entries; then μ when the model has means.
 */
public final class SaturatedHessian {
  private SaturatedHessian() {}

  /** The vech index of Σ[a][b], a ≥ b. */
  public static int vech(int a, int b) {
    return a * (a + 1) / 2 + b;
  }

  /**
   * @param needed the coordinates to fill (null: all); the rest stay zero — a baseline model
   *     moves only variances and means, so it needs 2p of the p(p+3)/2
   * @return the (p(p+1)/2 [+ p]) square Hessian, or null where some unit's Σ_oo is not
   *     positive definite
   */
  public static double[][] of(List<NormalLikelihood.Unit> units, double[] mu, double[][] sigma,
      boolean meanStructure, boolean[] needed) {
    int p = sigma.length;
    int nv = p * (p + 1) / 2;
    int dim = nv + (meanStructure ? p : 0);
    double[][] h = new double[dim][dim];
    for (NormalLikelihood.Unit u : units) {
      if (!addUnit(h, u, mu, sigma, meanStructure, nv, needed)) {
        return null;
      }
    }
    // only the lower triangle was accumulated
    for (int r = 0; r < dim; r++) {
      for (int c = 0; c < r; c++) {
        h[c][r] = h[r][c];
      }
    }
    return h;
  }

  private static boolean addUnit(double[][] h, NormalLikelihood.Unit u, double[] mu,
      double[][] sigma, boolean meanStructure, int nv, boolean[] needed) {
    int[] o = u.observed();
    int k = o.length;
    Cholesky ch = Cholesky.of(NormalLikelihood.sub(sigma, o));
    if (ch == null) {
      return false;
    }
    double[][] w = ch.inverse();
    double n = u.n();
    double[] d = new double[k];
    if (meanStructure) {
      for (int i = 0; i < k; i++) {
        d[i] = u.mean()[i] - mu[o[i]];
      }
    }
    // V = 2 W C W − W with C = S + d d'
    double[][] c = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        c[i][j] = u.cov()[i][j] + d[i] * d[j];
      }
    }
    double[][] wcw = Matrices.multiply(Matrices.multiply(w, c), w);
    double[][] v = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        v[i][j] = 2 * wcw[i][j] - w[i][j];
      }
    }
    // the needed (a ≥ b) pairs, in increasing vech order because o is increasing
    int[] pa = new int[k * (k + 1) / 2];
    int[] pb = new int[pa.length];
    int[] at = new int[pa.length];
    int m = 0;
    for (int a = 0; a < k; a++) {
      for (int b = 0; b <= a; b++) {
        int r = vech(o[a], o[b]);
        if (needed == null || needed[r]) {
          pa[m] = a;
          pb[m] = b;
          at[m++] = r;
        }
      }
    }
    // σσ: ½ n tr(W E_ab V E_cd) = ½ n (W_da V_bc + W_ca V_bd + W_db V_ac + W_cb V_ad),
    // halved for each diagonal E (e_a e_a' rather than e_a e_b' + e_b e_a')
    for (int i = 0; i < m; i++) {
      int a = pa[i];
      int b = pb[i];
      double[] wa = w[a];
      double[] va = v[a];
      double[] wb = w[b];
      double[] vb = v[b];
      double fab = 0.5 * n * (a == b ? 0.5 : 1);
      double[] row = h[at[i]];
      for (int j = 0; j <= i; j++) {
        int cc = pa[j];
        int dd = pb[j];
        double t = wa[dd] * vb[cc] + wa[cc] * vb[dd] + wb[dd] * va[cc] + wb[cc] * va[dd];
        row[at[j]] += fab * (cc == dd ? 0.5 : 1) * t;
      }
    }
    if (!meanStructure) {
      return true;
    }
    double[] wd = new double[k];
    for (int i = 0; i < k; i++) {
      wd[i] = Matrices.dot(w[i], d);
    }
    for (int i = 0; i < k; i++) {
      if (needed != null && !needed[nv + o[i]]) {
        continue;
      }
      double[] row = h[nv + o[i]];
      // μσ: n (W E_ab W d)_i = n (W_ia (Wd)_b + W_ib (Wd)_a), halved when a = b
      for (int j = 0; j < m; j++) {
        int a = pa[j];
        int b = pb[j];
        double t = w[i][a] * wd[b] + w[i][b] * wd[a];
        row[at[j]] += n * (a == b ? 0.5 : 1) * t;
      }
      // μμ: n W
      for (int j = 0; j <= i; j++) {
        row[nv + o[j]] += n * w[i][j];
      }
    }
    return true;
  }
}
