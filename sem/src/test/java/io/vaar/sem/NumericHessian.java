package io.vaar.sem.estimation;

/**
 * The observed information — the Hessian of the discrepancy at the estimates — by five-point
 * central differences of the analytic gradient, symmetrised. This is what lavaan's
 * {@code observed.information = "hessian"} computes, with the same step, and what its MLR and
 * FIML standard errors rest on.
 */
public final class ObservedInformation {
  private static final double STEP = 1e-6;

  private ObservedInformation() {}

  public static double[][] of(NormalLikelihood f, double[] theta) {
    int q = theta.length;
    double[][] h = new double[q][q];
    double[] g1 = new double[q];
    double[] g2 = new double[q];
    double[] g3 = new double[q];
    double[] g4 = new double[q];
    double[] x = theta.clone();
    // moving parameter j changes only the gradient of the groups it appears in
    boolean[][] touched = f.parameterGroups();
    for (int j = 0; j < q; j++) {
      x[j] = theta[j] - 2 * STEP;
      f.evaluate(x, g1, null, touched[j]);
      x[j] = theta[j] - STEP;
      f.evaluate(x, g2, null, touched[j]);
      x[j] = theta[j] + STEP;
      f.evaluate(x, g3, null, touched[j]);
      x[j] = theta[j] + 2 * STEP;
      f.evaluate(x, g4, null, touched[j]);
      x[j] = theta[j];
      for (int i = 0; i < q; i++) {
        h[i][j] = (g1[i] - 8 * g2[i] + 8 * g3[i] - g4[i]) / (12 * STEP);
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
