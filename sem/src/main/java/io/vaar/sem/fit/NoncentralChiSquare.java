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
    if (ncp <= 0) {
      return Gamma.regularizedGammaP(df / 2, x / 2);
    }
    double half = ncp / 2;
    int mode = (int) Math.floor(half);
    double logWeightMode = -half + mode * Math.log(half) - Gamma.logGamma(mode + 1.0);
    double sum = 0;
    double logW = logWeightMode;
    for (int j = mode; j < mode + 100000; j++) {
      double w = Math.exp(logW);
      sum += w * Gamma.regularizedGammaP(df / 2 + j, x / 2);
      if (w < 1e-17 && j > mode + 5) {
        break;
      }
      logW += Math.log(half) - Math.log(j + 1.0);
    }
    logW = logWeightMode;
    for (int j = mode - 1; j >= 0; j--) {
      logW += Math.log(j + 1.0) - Math.log(half);
      double w = Math.exp(logW);
      sum += w * Gamma.regularizedGammaP(df / 2 + j, x / 2);
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
