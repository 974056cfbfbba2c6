package io.vaar.sem;

import io.vaar.sem.estimation.NormalLikelihood;
import io.vaar.sem.estimation.ObservedInformation;

/**
 * The Hessian of the discrepancy by five-point central differences of the analytic gradient,
 * symmetrised: what lavaan's {@code observed.information = "hessian"} computes, with the same
 * step, and what vaar computed before the closed-form {@link ObservedInformation}, which is
 * checked against it.
 */
final class NumericHessian {
  private static final double STEP = 1e-6;

  private NumericHessian() {}

  static double[][] of(NormalLikelihood f, double[] theta) {
    int q = theta.length;
    double[][] h = new double[q][q];
    double[][] g = new double[4][q];
    double[] offsets = {-2 * STEP, -STEP, STEP, 2 * STEP};
    double[] x = theta.clone();
    for (int j = 0; j < q; j++) {
      for (int s = 0; s < 4; s++) {
        x[j] = theta[j] + offsets[s];
        f.evaluate(x, g[s], null);
      }
      x[j] = theta[j];
      for (int i = 0; i < q; i++) {
        h[i][j] = (g[0][i] - 8 * g[1][i] + 8 * g[2][i] - g[3][i]) / (12 * STEP);
      }
    }
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < i; j++) {
        double avg = 0.5 * (h[i][j] + h[j][i]);
        h[i][j] = avg;
        h[j][i] = avg;
      }
    }
    return h;
  }
}
