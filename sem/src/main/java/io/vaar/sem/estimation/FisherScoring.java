package io.vaar.sem.estimation;

import io.vaar.sem.linalg.BlockArrowSystem;

/**
 * Minimises a {@link NormalLikelihood} by Fisher scoring: each step solves the expected
 * information against the gradient (through the block-arrow structure of multi-group models)
 * and a backtracking line search keeps every accepted point decreasing and positive definite.
 * It stops when the Newton decrement {@code g' I⁻¹ g} — twice the predicted remaining gain in
 * log-likelihood — falls below the tolerance.
 */
public final class FisherScoring {
  /** The outcome of a minimisation. */
  public record Result(double[] theta, double value, int iterations, boolean converged,
      String message) {}

  private final int maxIterations;
  private final double tolerance;

  public FisherScoring(int maxIterations, double tolerance) {
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
  }

  public static FisherScoring defaults() {
    return new FisherScoring(1000, 1e-10);
  }

  public Result minimize(NormalLikelihood f, double[] start) {
    int q = start.length;
    double[] theta = start.clone();
    double[] grad = new double[q];
    BlockArrowSystem info = new BlockArrowSystem(q, f.parameterOwners(), f.model().groupCount());
    double value = f.evaluate(theta, grad, info);
    if (Double.isInfinite(value)) {
      return new Result(theta, value, 0, false,
          "the starting values imply a covariance matrix that is not positive definite");
    }
    for (int iter = 1; iter <= maxIterations; iter++) {
      BlockArrowSystem.Factorization fac = info.factorize();
      double[] step;
      if (fac == null) {
        return new Result(theta, value, iter, false,
            "the information matrix became singular during estimation");
      }
      step = fac.solve(grad);
      double decrement = 0;
      for (int i = 0; i < q; i++) {
        step[i] = -step[i];
        decrement -= grad[i] * step[i];
      }
      if (decrement < tolerance) {
        return new Result(theta, value, iter, true, "");
      }
      double t = 1;
      double[] candidate = new double[q];
      double candidateValue = Double.POSITIVE_INFINITY;
      while (t > 1e-12) {
        for (int i = 0; i < q; i++) {
          candidate[i] = theta[i] + t * step[i];
        }
        candidateValue = f.value(candidate);
        if (candidateValue <= value - 1e-4 * t * decrement) {
          break;
        }
        t *= 0.5;
      }
      if (t <= 1e-12) {
        // no descent possible along the scoring direction: at the optimum to working precision
        boolean flat = decrement < 1e-6 * Math.max(1, Math.abs(value));
        return new Result(theta, value, iter, flat,
            flat ? "" : "the line search could not decrease the objective");
      }
      theta = candidate.clone();
      value = f.evaluate(theta, grad, info);
    }
    return new Result(theta, value, maxIterations, false,
        "no convergence after " + maxIterations + " iterations");
  }
}
