package io.vaar.sem;

import io.vaar.sem.model.GroupEqual;
import java.util.EnumSet;
import java.util.Set;

/**
 * How to fit: the estimator (ML with expected-information standard errors, or MLR with
 * Huber–White standard errors and the Yuan–Bentler scaled test), how missing values are
 * handled (listwise deletion or full-information ML), which parameter classes are held
 * equal across groups, and when the optimiser may stop.
 */
public record FitOptions(Estimator estimator, Missing missing, Set<GroupEqual> groupEqual,
    double tolerance) {
  /**
   * The default stopping rule: the Newton decrement (twice the predicted remaining gain in
   * log-likelihood) below 1e-10, far below anything a reported digit depends on.
   */
  public static final double DEFAULT_TOLERANCE = 1e-10;

  /** lavaan's estimators we implement. */
  public enum Estimator { ML, MLR }

  /** lavaan's missing-data options we implement. */
  public enum Missing { LISTWISE, FIML }

  public FitOptions {
    groupEqual = groupEqual.isEmpty() ? EnumSet.noneOf(GroupEqual.class) : EnumSet.copyOf(groupEqual);
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("the convergence tolerance must be positive, not "
          + tolerance);
    }
  }

  public FitOptions(Estimator estimator, Missing missing, Set<GroupEqual> groupEqual) {
    this(estimator, missing, groupEqual, DEFAULT_TOLERANCE);
  }

  public static FitOptions ml() {
    return new FitOptions(Estimator.ML, Missing.LISTWISE, Set.of());
  }

  public FitOptions withEstimator(Estimator e) {
    return new FitOptions(e, missing, groupEqual, tolerance);
  }

  public FitOptions withMissing(Missing m) {
    return new FitOptions(estimator, m, groupEqual, tolerance);
  }

  public FitOptions withGroupEqual(Set<GroupEqual> eq) {
    return new FitOptions(estimator, missing, eq, tolerance);
  }

  /**
   * A looser or stricter stopping rule; a bootstrap replicate needs estimates to a small
   * fraction of their standard error, not to the last digit.
   */
  public FitOptions withTolerance(double t) {
    return new FitOptions(estimator, missing, groupEqual, t);
  }
}
