package io.vaar.transforms.analysis;

import io.vaar.sem.FitOptions;
import io.vaar.sem.InvarianceSequence;
import java.io.Serializable;

/**
 * How answers are analysed: the significance level of VAAR, the estimator and missing-data
 * method (MLR with FIML by default, as shared/docs/method.md prescribes for Likert items), and
 * the invariance level at which paths are compared across models (metric by default).
 */
public record AnalysisSettings(double alpha, FitOptions.Estimator estimator,
    FitOptions.Missing missing, InvarianceSequence.Level comparisonLevel) implements Serializable {

  public AnalysisSettings {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must lie between 0 and 1, not " + alpha);
    }
  }

  public static AnalysisSettings defaults(double alpha) {
    return new AnalysisSettings(alpha, FitOptions.Estimator.MLR, FitOptions.Missing.FIML,
        InvarianceSequence.Level.METRIC);
  }

  public FitOptions fitOptions() {
    return FitOptions.ml().withEstimator(estimator).withMissing(missing);
  }
}
