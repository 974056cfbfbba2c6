package io.vaar.sem.fit;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Gamma;

/**
 * The distribution function of the noncentral chi-square as a Poisson mixture of central
 * chi-squares, summed outward from the Poisson mode, and the noncentrality that puts a given
 * statistic at a given quantile (what the RMSEA interval needs).
 */
public final class NoncentralChiSquare {
  private NoncentralChiSquare() {}

  public static double cdf(double x, double df, double ncp) {
    if (x <= 0) {
      return 0;
    }
    double a0 = df / 2;
    double y = x / 2;
    if (ncp <= 0) {
      return Gamma.regularizedGammaP(a0, y);
    }
    double half = ncp / 2;
    int mode = (int) Math.floor(half);
    // P(a+1, y) = P(a, y) - t(a) with t(a) = y^a e^-y / Γ(a+1): one incomplete gamma, then recurrences
    double aMode = a0 + mode;
    double pMode = Gamma.regularizedGammaP(aMode, y);
    double tMode = Math.exp(aMode * Math.log(y) - y - Gamma.logGamma(aMode + 1));
    double wMode = Math.exp(-half + mode * Math.log(half) - Gamma.logGamma(mode + 1.0));
    double sum = wMode * pMode;
    double w = wMode;
    double pj = pMode;
    double tj = tMode;
    for (int j = mode; j < mode + 100000; j++) {
      pj -= tj;
      tj *= y / (a0 + j + 1);
      w *= half / (j + 1);
      sum += w * Math.max(pj, 0);
      if (w < 1e-17 && j > mode + 5) {
        break;
      }
    }
    w = wMode;
    pj = pMode;
    tj = tMode;
    for (int j = mode; j > 0; j--) {
      tj *= (a0 + j) / y;
      pj += tj;
      w *= j / half;
      sum += w * Math.min(pj, 1);
      if (w < 1e-17) {
        break;
      }
    }
    return Math.min(1, sum);
  }

  /** The noncentrality in [0, upper] at which cdf(x; df, λ) equals p, by Brent's method. */
  static double solveNoncentrality(double x, double df, double p, double upper) {
    BrentSolver solver = new BrentSolver(1e-10, 1e-12);
    return solver.solve(1000, lambda -> cdf(x, df, lambda) - p, 0, upper);
  }
}
